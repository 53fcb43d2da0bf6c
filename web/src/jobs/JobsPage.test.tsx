import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { Job, JobRun } from '../api/types';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

const admin = makeUser({ name: 'Ada Admin', role: 'ADMIN' });

function makeRun(overrides: Partial<JobRun> = {}): JobRun {
  return {
    id: 'run-1',
    job_name: 'history',
    status: 'SUCCESS',
    params: { trigger: 'schedule' },
    started_at: '2026-03-01T02:00:00Z',
    finished_at: '2026-03-01T02:00:03.500Z',
    rows_affected: 120,
    error: null,
    instance: 'host:1/schedule',
    created_at: '2026-03-01T02:00:00Z',
    updated_at: '2026-03-01T02:00:03Z',
    ...overrides,
  };
}

function makeJob(overrides: Partial<Job> & Pick<Job, 'name'>): Job {
  return {
    description: `The ${overrides.name} job.`,
    time: '02:00',
    timezone: 'Europe/London',
    takes_date: false,
    takes_full: false,
    next_run_at: '2026-03-02T02:00:00Z',
    due_now: false,
    last_success_at: null,
    runs: [],
    ...overrides,
  };
}

const history = makeJob({
  name: 'history',
  takes_date: true,
  takes_full: true,
  last_success_at: '2026-03-01T02:00:00Z',
  runs: [
    makeRun(),
    makeRun({
      id: 'run-0',
      status: 'FAILED',
      rows_affected: null,
      error: 'deadlock detected',
      params: { trigger: 'api', date: '2026-02-27', full: true },
    }),
  ],
});
const retention = makeJob({ name: 'retention', due_now: true });

async function openJobs(routes: Parameters<typeof fakeApi>[0]) {
  setCsrfToken('csrf-1');
  const api = fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, admin), ...routes });
  const app = renderApp('/jobs');
  await screen.findByRole('heading', { level: 1, name: 'Jobs' });
  return { ...api, ...app };
}

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('jobs page', () => {
  it('shows each job with its schedule and last runs in words', async () => {
    await openJobs({
      'GET /api/v1/jobs': () => jsonResponse(200, { items: [history, retention], next_cursor: null }),
    });
    const card = await screen.findByRole('region', { name: 'History' });
    expect(card.textContent).toContain('Daily at 02:00 (Europe/London)');
    const table = within(card).getByRole('table', { name: 'Last runs of History' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('Succeeded')).toBeTruthy();
    expect(within(rows[0]!).getByText('3.5 s')).toBeTruthy();
    expect(within(rows[1]!).getByText('Failed')).toBeTruthy();
    expect(within(rows[1]!).getByText('deadlock detected')).toBeTruthy();
    expect(rows[1]!.textContent).toContain('Run now (as of 2026-02-27) (full rebuild)');
    // Options only for the jobs that take them.
    expect(within(card).getByLabelText('As of date (optional)')).toBeTruthy();
    expect(within(card).getByRole('checkbox', { name: /Full rebuild/ })).toBeTruthy();

    const other = screen.getByRole('region', { name: 'Retention' });
    expect(within(other).getByText('Due now')).toBeTruthy();
    expect(within(other).getByText('It has not run yet.')).toBeTruthy();
    expect(within(other).queryByLabelText('As of date (optional)')).toBeNull();
    expect(within(other).queryByRole('checkbox')).toBeNull();
  });

  it('runs a job now with its date and full rebuild, shows the outcome and refreshes', async () => {
    let listed = 0;
    const { requests } = await openJobs({
      'GET /api/v1/jobs': () => {
        listed += 1;
        return jsonResponse(200, { items: [history], next_cursor: null });
      },
      'POST /api/v1/jobs/history/run': () =>
        jsonResponse(200, makeRun({ id: 'run-2', params: { trigger: 'api', full: true }, rows_affected: 7 })),
    });
    const card = await screen.findByRole('region', { name: 'History' });
    fireEvent.change(within(card).getByLabelText('As of date (optional)'), {
      target: { value: '2026-02-28' },
    });
    fireEvent.click(within(card).getByRole('checkbox', { name: /Full rebuild/ }));
    fireEvent.click(within(card).getByRole('button', { name: 'Run now' }));

    const status = within(card).getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('Run finished: Succeeded in 3.5 s, 7 rows affected.'));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ date: '2026-02-28', full: true });
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-1');
    await waitFor(() => expect(listed).toBe(2));
  });

  it('sends no body options for a job that takes none', async () => {
    const { requests } = await openJobs({
      'GET /api/v1/jobs': () => jsonResponse(200, { items: [retention], next_cursor: null }),
      'POST /api/v1/jobs/retention/run': () =>
        jsonResponse(200, makeRun({ job_name: 'retention', rows_affected: 0 })),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Run now' }));
    await screen.findByText(/Run finished: Succeeded/);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({});
  });

  it('says so when the job is already running', async () => {
    await openJobs({
      'GET /api/v1/jobs': () => jsonResponse(200, { items: [retention], next_cursor: null }),
      'POST /api/v1/jobs/retention/run': () =>
        apiError(409, 'conflict', 'The retention job is already running; try again when it has finished.'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Run now' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Already running');
    expect(alert.textContent).toContain('try again when it has finished');
    expect(screen.queryByText(/Run finished/)).toBeNull();
  });

  it('shows a run that failed as failed, with its error', async () => {
    await openJobs({
      'GET /api/v1/jobs': () => jsonResponse(200, { items: [retention], next_cursor: null }),
      'POST /api/v1/jobs/retention/run': () =>
        jsonResponse(200, makeRun({ job_name: 'retention', status: 'FAILED', rows_affected: null, error: 'disk full' })),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Run now' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The run failed after 3.5 s');
    expect(alert.textContent).toContain('disk full');
    expect(screen.queryByText(/Run finished/)).toBeNull();
  });

  it('shows a refused date next to the date field', async () => {
    await openJobs({
      'GET /api/v1/jobs': () => jsonResponse(200, { items: [history], next_cursor: null }),
      'POST /api/v1/jobs/history/run': () =>
        jsonResponse(422, {
          error: {
            code: 'validation_failed',
            message: 'The request has invalid fields.',
            details: [{ field: 'date', message: 'must not be in the future' }],
          },
        }),
    });
    const card = await screen.findByRole('region', { name: 'History' });
    fireEvent.change(within(card).getByLabelText('As of date (optional)'), {
      target: { value: '2099-01-01' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Run now' }));
    expect(await within(card).findByText('As of date (optional) must not be in the future')).toBeTruthy();
    expect(within(card).getByLabelText('As of date (optional)').getAttribute('aria-invalid')).toBe('true');
  });

  it('says when the jobs cannot be loaded', async () => {
    await openJobs({ 'GET /api/v1/jobs': () => apiError(403, 'forbidden', 'Only administrators and managers may see the jobs.') });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the jobs');
    expect(alert.textContent).toContain('Only administrators and managers may see the jobs.');
  });
});
