import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { CoachingSession } from '../api/types';
import { apiError, fakeApi, jsonResponse, makeUser, type RecordedRequest } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { makeSession, sessionResponse, staleResponse } from './testing';

const TL = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER' });
const AGENT = makeUser({ name: 'Sam Patel', role: 'AGENT' });
const ID = '11111111-1111-4111-8111-111111111111';
const PATH = `/api/v1/coaching-sessions/${ID}`;

type Routes = Parameters<typeof fakeApi>[0];

async function openSession(session: CoachingSession, routes: Routes = {}, viewer = TL) {
  setCsrfToken('csrf-1');
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, viewer),
    'GET /api/v1/notifications/unread-count': () => jsonResponse(200, { unread: 0 }),
    [`GET ${PATH}`]: () => sessionResponse(session),
    ...routes,
  });
  const app = renderApp(`/sessions/${ID}`);
  await screen.findByRole('heading', { level: 1 });
  return { ...api, ...app };
}

const patches = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PATCH');

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('the session page', () => {
  it('shows who, when, how long, the type, the status in words and earlier times', async () => {
    await openSession(
      makeSession({
        schedule_history: [
          {
            scheduled_date: '2026-12-04T09:00:00Z',
            planned_minutes: 45,
            changed_at: '2026-12-02T10:00:00Z',
            changed_by: TL.id,
          },
        ],
      }),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Coaching session with Sam Patel' })).toBeTruthy();
    const summary = screen.getByRole('region', { name: 'Session' });
    expect(within(summary).getByRole('link', { name: 'Sam Patel' }).getAttribute('href')).toBe('/agents/id-sam.patel');
    expect(within(summary).getByText('Jordan Reyes')).toBeTruthy();
    expect(within(summary).getByText('30 minutes')).toBeTruthy();
    expect(within(summary).getByText('Regular')).toBeTruthy();
    expect(within(summary).getByText('Scheduled')).toBeTruthy();
    expect(within(summary).getByRole('heading', { name: 'Rescheduled' })).toBeTruthy();
    expect(within(summary).getByText(/^Was .*/).textContent).toMatch(/moved on/);
  });

  it('offers start, reschedule, cancel and no-show on a scheduled session, then completion once started', async () => {
    const started = makeSession({ status: 'IN_PROGRESS', version: 2, actual_start_time: new Date().toISOString() });
    const { requests } = await openSession(makeSession(), {
      [`POST ${PATH}/start`]: () => sessionResponse(started),
    });
    const actions = screen.getByRole('region', { name: 'Actions' });
    expect(within(actions).getByRole('button', { name: 'Reschedule…' })).toBeTruthy();
    expect(within(actions).getByRole('button', { name: 'Cancel session…' })).toBeTruthy();
    expect(within(actions).getByRole('button', { name: 'Mark as no-show…' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Complete the session' })).toBeNull();

    fireEvent.click(within(actions).getByRole('button', { name: 'Start session' }));
    expect(await screen.findByRole('form', { name: 'Complete the session' })).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.url === `${PATH}/start`)).toBe(true);
    expect(within(screen.getByRole('region', { name: 'Session' })).getByText('In progress')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start session' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reschedule…' })).toBeNull();
  });

  it('shows a not-found state when the server answers 404', async () => {
    await openSession(makeSession(), {
      [`GET ${PATH}`]: () => apiError(404, 'not_found', 'Not found.'),
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Session not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to Sessions' })).toBeTruthy();
  });

  it('offers an agent no action and no live notes', async () => {
    await openSession(makeSession({ discussion_notes: 'Prepared' }), {}, AGENT);
    expect(screen.getByRole('heading', { level: 1, name: 'Coaching session with Jordan Reyes' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Actions' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Discussion notes' })).toBeNull();
    expect(screen.getByText('Prepared')).toBeTruthy();
  });

  it('cancels with a required reason', async () => {
    const { requests } = await openSession(makeSession(), {
      [`POST ${PATH}/cancel`]: () =>
        sessionResponse(makeSession({ status: 'CANCELLED', cancelled_reason: 'Agent on leave', version: 2 })),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel session…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel session' }));
    expect(within(dialog).getByText('Reason is required')).toBeTruthy();
    expect(requests.some((r) => r.url.endsWith('/cancel'))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Agent on leave' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel session' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.find((r) => r.url.endsWith('/cancel'))?.body).toEqual({ reason: 'Agent on leave' });
    expect(await screen.findByText('Agent on leave')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Actions' })).toBeNull();
  });

  it('reschedules with If-Match, lists an overlap and moves anyway', async () => {
    let calls = 0;
    const { requests } = await openSession(makeSession({ version: 3 }), {
      [`PATCH ${PATH}`]: () => {
        calls += 1;
        if (calls === 1)
          return jsonResponse(409, {
            error: {
              code: 'conflict',
              message: 'This time overlaps another session.',
              details: [{ field: 'scheduled_date', message: 'overlaps the session with Riley Chen' }],
              conflicts: [
                {
                  session_id: '22222222-2222-4222-8222-222222222222',
                  agent_id: 'id-riley',
                  agent_name: 'Riley Chen',
                  scheduled_date: '2026-12-08T10:00:00Z',
                  planned_minutes: 30,
                  calendar: 'team_leader',
                },
              ],
            },
          });
        return sessionResponse(makeSession({ version: 4, scheduled_date: '2026-12-08T10:00:00Z' }));
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reschedule…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Date'), { target: { value: '2026-12-08' } });
    fireEvent.change(within(dialog).getByLabelText('Time'), { target: { value: '10:00' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reschedule' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByRole('link', { name: 'Session with Riley Chen' }).getAttribute('href')).toBe(
      '/sessions/22222222-2222-4222-8222-222222222222',
    );
    expect(alert.textContent).toContain("the team leader's calendar");
    fireEvent.click(within(alert).getByRole('button', { name: 'Move anyway' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const sent = patches(requests);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers.get('If-Match')).toBe('"3"');
    expect(sent[0]!.body).toMatchObject({ planned_minutes: 30 });
    expect(sent[1]!.body).toMatchObject({ allow_overlap: true });
  });
});

describe('live notes', () => {
  const inProgress = () =>
    makeSession({ status: 'IN_PROGRESS', version: 2, actual_start_time: new Date().toISOString() });

  it('saves a second after typing with If-Match of the version held, and says so', async () => {
    // The server keeps what each PATCH sets and bumps the version.
    let stored = inProgress();
    const { requests } = await openSession(stored, {
      [`PATCH ${PATH}`]: (req) => {
        stored = { ...stored, ...(req.body as object), version: stored.version + 1 };
        return sessionResponse(stored);
      },
    });
    const notes = screen.getByRole('textbox', { name: 'Discussion notes' });
    fireEvent.change(notes, { target: { value: 'Talked about hold times' } });
    expect(screen.getByText('Saving…')).toBeTruthy();
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(patches(requests)).toHaveLength(1);
    expect(patches(requests)[0]!.headers.get('If-Match')).toBe('"2"');
    expect(patches(requests)[0]!.body).toEqual({ discussion_notes: 'Talked about hold times' });

    fireEvent.change(screen.getByRole('textbox', { name: 'Topics covered' }), {
      target: { value: 'Hold times\nGreeting' },
    });
    await waitFor(() => expect(patches(requests)).toHaveLength(2));
    expect(patches(requests)[1]!.headers.get('If-Match')).toBe('"3"');
    expect(patches(requests)[1]!.body).toEqual({ topics_covered: ['Hold times', 'Greeting'] });
  });

  it('shows the other version on a stale write and, on "Keep mine", sends again with the new ETag', async () => {
    const theirs = { ...inProgress(), version: 5, discussion_notes: 'Their notes from the other tab' };
    let calls = 0;
    const { requests } = await openSession(inProgress(), {
      [`PATCH ${PATH}`]: (req) => {
        calls += 1;
        if (calls === 1) return staleResponse(theirs, 2);
        return sessionResponse({ ...theirs, ...(req.body as object), version: 6 });
      },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Discussion notes' }), {
      target: { value: 'My notes' },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not saved: someone else changed these notes meanwhile');
    expect(within(alert).getByText('Their notes from the other tab')).toBeTruthy();
    expect(screen.getByText('Not saved: changed by someone else')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Discussion notes' }) as HTMLTextAreaElement).value).toBe('My notes');

    fireEvent.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    const sent = patches(requests);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.headers.get('If-Match')).toBe('"5"');
    expect(sent[1]!.body).toEqual({ discussion_notes: 'My notes' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('"Use theirs" loads the other version and overwrites nothing', async () => {
    const theirs = { ...inProgress(), version: 5, discussion_notes: 'Their notes' };
    const { requests } = await openSession(inProgress(), {
      [`PATCH ${PATH}`]: () => staleResponse(theirs, 2),
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Discussion notes' }), {
      target: { value: 'My notes' },
    });
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Use theirs' }));
    expect((screen.getByRole('textbox', { name: 'Discussion notes' }) as HTMLTextAreaElement).value).toBe('Their notes');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(patches(requests)).toHaveLength(1);
  });

  it('says "Not saved" with the reason when the server refuses', async () => {
    await openSession(inProgress(), {
      [`PATCH ${PATH}`]: () => apiError(503, 'unavailable', 'The database is unavailable.'),
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Agent commitments' }), {
      target: { value: 'Use the hold script' },
    });
    expect(await screen.findByText('Not saved')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The database is unavailable.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('completing a session', () => {
  const inProgress = () =>
    makeSession({ status: 'IN_PROGRESS', version: 2, actual_start_time: new Date().toISOString() });

  it('checks the required fields before sending anything', async () => {
    const { requests } = await openSession(inProgress());
    const form = screen.getByRole('form', { name: 'Complete the session' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add an action item' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Complete session' }));
    expect(await within(form).findByText(/^Summary is required/)).toBeTruthy();
    expect(within(form).getByText('Primary issue is required')).toBeTruthy();
    expect(within(form).getByText('Intervention method is required')).toBeTruthy();
    const item = within(form).getByRole('group', { name: 'Action item 1' });
    expect(within(item).getByText('Title is required')).toBeTruthy();
    expect(within(item).getByText('Due date is required')).toBeTruthy();
    expect(requests.some((r) => r.url.endsWith('/complete'))).toBe(false);
  });

  it('completes with the outcome and an action item, then shows them', async () => {
    const { requests } = await openSession(inProgress(), {
      [`POST ${PATH}/complete`]: (req) => {
        const body = req.body as Record<string, unknown>;
        return sessionResponse(
          makeSession({
            ...inProgress(),
            status: 'COMPLETED',
            version: 3,
            summary: body.summary as string,
            key_achievements: body.key_achievements as string,
            primary_issue: 'AHT',
            intervention_method: 'Role-play',
            duration_minutes: 25,
            action_items: [
              {
                id: 'ai-1',
                title: 'Review three calls',
                description: '',
                due_date: '2026-12-20',
                priority: 'HIGH',
                status: 'PENDING',
              },
            ],
          }),
        );
      },
    });
    const form = screen.getByRole('form', { name: 'Complete the session' });
    fireEvent.change(within(form).getByLabelText('Summary'), { target: { value: 'Hold times are better.' } });
    fireEvent.change(within(form).getByLabelText('Strengths'), { target: { value: 'Calm tone' } });
    fireEvent.change(within(form).getByLabelText('Primary issue'), { target: { value: 'AHT' } });
    fireEvent.change(within(form).getByLabelText('Intervention method'), { target: { value: 'Role-play' } });
    fireEvent.change(within(form).getByLabelText('Actual length (minutes)'), { target: { value: '25' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add an action item' }));
    const item = within(form).getByRole('group', { name: 'Action item 1' });
    fireEvent.change(within(item).getByLabelText('Title'), { target: { value: 'Review three calls' } });
    fireEvent.change(within(item).getByLabelText('Due date'), { target: { value: '2026-12-20' } });
    fireEvent.change(within(item).getByLabelText('Priority'), { target: { value: 'HIGH' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Complete session' }));

    const outcome = await screen.findByRole('region', { name: 'Outcome' });
    expect(within(outcome).getByText('Hold times are better.')).toBeTruthy();
    const row = within(outcome).getByRole('row', { name: /Review three calls/ });
    expect(within(row).getByText('High')).toBeTruthy();
    expect(within(row).getByText('Pending')).toBeTruthy();
    expect(within(outcome).getByText('Waiting for Sam Patel to acknowledge or dispute it.')).toBeTruthy();
    expect(requests.find((r) => r.url.endsWith('/complete'))?.body).toEqual({
      summary: 'Hold times are better.',
      key_achievements: 'Calm tone',
      areas_of_concern: null,
      follow_up_topics: null,
      follow_up_required: false,
      primary_issue: 'AHT',
      intervention_method: 'Role-play',
      duration_minutes: 25,
      action_items: [{ title: 'Review three calls', due_date: '2026-12-20', priority: 'HIGH' }],
    });
    expect(screen.queryByRole('form', { name: 'Complete the session' })).toBeNull();
  });
});

describe("the agent's answer", () => {
  const completed = () =>
    makeSession({
      status: 'COMPLETED',
      version: 4,
      summary: 'Hold times are better.',
      primary_issue: 'AHT',
      intervention_method: 'Role-play',
      acknowledgement_requested_at: '2026-12-01T09:30:00Z',
    });

  it('needs a comment to dispute, then acknowledges', async () => {
    const { requests } = await openSession(
      completed(),
      {
        [`POST ${PATH}/acknowledge`]: () =>
          sessionResponse({
            ...completed(),
            version: 5,
            acknowledgement: 'ACKNOWLEDGED',
            acknowledged_at: '2026-12-07T10:00:00Z',
          }),
      },
      AGENT,
    );
    const form = screen.getByRole('form', { name: 'Your answer' });
    fireEvent.click(within(form).getByRole('button', { name: 'Dispute' }));
    const comment = within(form).getByLabelText('Comment');
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Comment is required to dispute: say what you disagree with')).toBeTruthy();
    expect(requests.some((r) => r.url.endsWith('/acknowledge'))).toBe(false);

    fireEvent.click(within(form).getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText(/You acknowledged this session/)).toBeTruthy();
    expect(requests.find((r) => r.url.endsWith('/acknowledge'))?.body).toEqual({ acknowledgement: 'ACKNOWLEDGED' });
    expect(screen.queryByRole('form', { name: 'Your answer' })).toBeNull();
  });

  it('shows the team leader a dispute with its comment', async () => {
    await openSession({
      ...completed(),
      acknowledgement: 'DISPUTED',
      acknowledgement_comment: 'We never discussed AHT.',
      acknowledged_at: '2026-12-07T10:00:00Z',
    });
    const outcome = screen.getByRole('region', { name: 'Outcome' });
    expect(within(outcome).getByText(/Sam Patel disputed this session/)).toBeTruthy();
    expect(within(outcome).getByText('We never discussed AHT.')).toBeTruthy();
  });
});
