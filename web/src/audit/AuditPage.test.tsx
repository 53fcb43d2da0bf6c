import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { AuditEntry } from '../api/types';
import { fakeApi, jsonResponse, type RecordedRequest } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { admin, agent, EVERYONE, leaderA, leaderB, usersList, validationError } from '../users/testing';

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

function entry(overrides: Partial<AuditEntry> & Pick<AuditEntry, 'id' | 'action'>): AuditEntry {
  return {
    created_at: '2026-03-02T09:30:00Z',
    actor_id: admin.id,
    actor_name: admin.name,
    entity_type: 'users',
    entity_id: agent.id,
    before: null,
    after: null,
    ip: '127.0.0.1',
    request_id: 'req-1',
    ...overrides,
  };
}

const move = entry({
  id: 'a-1',
  action: 'user.update',
  before: { name: agent.name, team_leader_id: leaderA.id, status: 'ACTIVE' },
  after: { name: agent.name, team_leader_id: leaderB.id, status: 'ACTIVE' },
});
const job = entry({
  id: 'a-2',
  action: 'job.run',
  actor_id: null,
  actor_name: null,
  entity_type: 'job_runs',
  entity_id: 'run-9',
  after: { job: 'history', status: 'SUCCESS' },
});

async function openAudit(path: string, audit: (req: RecordedRequest) => Response) {
  setCsrfToken('csrf-1');
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, admin),
    'GET /api/v1/users': usersList(() => EVERYONE),
    'GET /api/v1/audit-log': audit,
    [`GET /api/v1/users/${admin.id}`]: () => jsonResponse(200, admin),
  });
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Audit log' });
  return { ...api, ...app };
}

function auditQueries(requests: RecordedRequest[]): string[] {
  return requests
    .filter((r) => r.url.startsWith('/api/v1/audit-log'))
    .map((r) => r.url.slice('/api/v1/audit-log?'.length));
}

describe('audit log', () => {
  it('shows when, who (or System), the action, the entity and what changed', async () => {
    await openAudit('/audit', () => jsonResponse(200, { items: [move, job], next_cursor: null }));
    const moved = await screen.findByRole('article', { name: /Person changed/ });
    expect(within(moved).getByRole('link', { name: admin.name }).getAttribute('href')).toBe(`/people/${admin.id}`);
    expect(within(moved).getByRole('link', { name: agent.name }).getAttribute('href')).toBe(`/people/${agent.id}`);
    expect(within(moved).getByText('user.update')).toBeTruthy();
    const line = within(moved).getByRole('listitem');
    await waitFor(() =>
      expect(line.textContent?.replace(/\s+/g, ' ')).toBe(
        `Changed team_leader_id: "${leaderA.id}" (Grace Okafor) → to "${leaderB.id}" (Tariq Haddad)`,
      ),
    );
    const ran = screen.getByRole('article', { name: /Job run/ });
    expect(within(ran).getByText('System')).toBeTruthy();
    expect(within(ran).queryByRole('link')).toBeNull();
    expect(ran.textContent).toContain('Job runs: run-9');
    expect(within(ran).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Added job: "history"',
      'Added status: "SUCCESS"',
    ]);
    expect(screen.getByText('2 entries')).toBeTruthy();
  });

  it('applies the filters together, in the address and the query, and pages with the cursor', async () => {
    const { requests, router } = await openAudit('/audit', (req) => {
      const cursor = new URL(req.url, 'http://x').searchParams.get('cursor');
      return cursor
        ? jsonResponse(200, { items: [job], next_cursor: null })
        : jsonResponse(200, { items: [move], next_cursor: 'c-1' });
    });
    await screen.findByRole('article', { name: /Person changed/ });
    fireEvent.change(screen.getByRole('combobox', { name: 'Action' }), { target: { value: 'user.update' } });
    fireEvent.change(screen.getByLabelText('Entity ID'), { target: { value: agent.id } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const query = `entity_id=${agent.id}&action=user.update&from=2026-03-01&to=2026-03-31`;
    await waitFor(() => expect(currentPath(router)).toBe(`/audit?${query}`));
    await waitFor(() => expect(auditQueries(requests)).toContain(`limit=50&${query}`));

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByRole('article', { name: /Job run/ });
    expect(auditQueries(requests).at(-1)).toBe(`limit=50&${query}&cursor=c-1`);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('finds the actor by searching people, and shows a chosen actor of a deep link by name', async () => {
    const { requests, router } = await openAudit(`/audit?actor_id=${admin.id}`, () =>
      jsonResponse(200, { items: [move], next_cursor: null }),
    );
    const who = screen.getByRole('combobox', { name: 'Who' }) as HTMLInputElement;
    await waitFor(() => expect(who.value).toBe(admin.name));
    expect(auditQueries(requests)[0]).toBe(`limit=50&actor_id=${admin.id}`);

    who.focus();
    fireEvent.change(who, { target: { value: 'okafor' } });
    const option = await screen.findByRole('option', { name: /Grace Okafor/ });
    expect(requests.some((r) => r.url.includes('q=okafor'))).toBe(true);
    fireEvent.click(option);
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(currentPath(router)).toBe(`/audit?actor_id=${leaderA.id}`));
  });

  it('shows the server refusal of a filter next to that filter', async () => {
    await openAudit('/audit?entity_id=not-a-uuid&from=2026-03-05&to=2026-03-01', () =>
      validationError([
        { field: 'entity_id', message: 'must be a UUID' },
        { field: 'to', message: 'must not be before from' },
      ]),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('These filters were not accepted');
    const id = screen.getByLabelText('Entity ID');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Entity ID must be a UUID')).toBeTruthy();
    expect(screen.getByText('To must not be before from')).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('says when nothing matches, and clears the filters', async () => {
    const { router } = await openAudit('/audit?action=user.delete', (req) =>
      req.url.includes('action=')
        ? jsonResponse(200, { items: [], next_cursor: null })
        : jsonResponse(200, { items: [job], next_cursor: null }),
    );
    expect(await screen.findByText('No entry matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByRole('article', { name: /Job run/ });
    expect(currentPath(router)).toBe('/audit');
    expect((screen.getByRole('combobox', { name: 'Action' }) as HTMLInputElement).value).toBe('');
  });
});
