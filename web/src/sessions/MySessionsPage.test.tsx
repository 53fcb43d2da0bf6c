import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { CoachingSession } from '../api/types';
import { fakeApi, jsonResponse, makeUser, type RecordedRequest } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { makeSession, sessionResponse } from './testing';

const AGENT = makeUser({ name: 'Sam Patel', role: 'AGENT', id: 'id-sam.patel' });

const upcoming = makeSession({ id: 'up-1', scheduled_date: '2030-01-07T09:00:00Z' });
const answered = makeSession({
  id: 'past-1',
  status: 'COMPLETED',
  scheduled_date: '2026-11-20T09:00:00Z',
  summary: 'Greeting is warmer now.',
  acknowledgement: 'ACKNOWLEDGED',
  acknowledged_at: '2026-11-21T09:00:00Z',
});
const unanswered = makeSession({
  id: 'past-2',
  status: 'COMPLETED',
  scheduled_date: '2026-12-01T09:00:00Z',
  summary: 'Hold times are better.',
  acknowledgement_requested_at: '2026-12-01T09:30:00Z',
});
// Completed before acknowledgements (or imported): never asked, so nothing to answer.
const neverAsked = makeSession({
  id: 'past-3',
  status: 'COMPLETED',
  scheduled_date: '2026-10-01T09:00:00Z',
  summary: 'Old session.',
});

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

function open(past: CoachingSession[] = [unanswered, answered, neverAsked]) {
  setCsrfToken('csrf-1');
  let pastItems = past;
  return fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, AGENT),
    'GET /api/v1/coaching-sessions': (req: RecordedRequest) => {
      const q = new URL(`http://x${req.url}`).searchParams;
      if (q.get('from')) return jsonResponse(200, { items: [upcoming], next_cursor: null });
      return jsonResponse(200, { items: pastItems, next_cursor: null });
    },
    'POST /api/v1/coaching-sessions/past-2/acknowledge': (req) => {
      const body = req.body as { acknowledgement: 'ACKNOWLEDGED' | 'DISPUTED'; comment?: string };
      const done = {
        ...unanswered,
        version: 2,
        acknowledgement: body.acknowledgement,
        acknowledgement_comment: body.comment ?? null,
        acknowledged_at: '2026-12-02T09:00:00Z',
      };
      pastItems = [done, answered, neverAsked];
      return sessionResponse(done);
    },
  });
}

describe('my sessions (agent)', () => {
  it('lists upcoming sessions from now and past ones newest first, with summaries', async () => {
    const { requests } = open();
    renderApp('/my-sessions');
    await screen.findByRole('heading', { level: 1, name: 'My sessions' });
    const up = screen.getByRole('region', { name: 'Upcoming' });
    expect(await within(up).findByText(/Regular session with Jordan Reyes/)).toBeTruthy();
    const past = screen.getByRole('region', { name: 'Past' });
    expect(await within(past).findByText('Hold times are better.')).toBeTruthy();
    expect(within(past).getByText(/You acknowledged this session/)).toBeTruthy();

    const lists = requests.filter((r) => r.url.startsWith('/api/v1/coaching-sessions?'));
    const queries = lists.map((r) => new URL(`http://x${r.url}`).searchParams);
    const up1 = queries.find((q) => q.get('from'))!;
    const past1 = queries.find((q) => q.get('to'))!;
    expect(up1.get('order')).toBe('asc');
    expect(past1.get('order')).toBe('desc');
    expect(up1.get('from')).toBe(past1.get('to'));
  });

  it('asks for a comment to dispute, then records the dispute', async () => {
    const { requests } = open();
    renderApp('/my-sessions');
    const past = await screen.findByRole('region', { name: 'Past' });
    const form = await within(past).findByRole('form', { name: 'Your answer' });
    // Only the session the agent was asked about offers an answer.
    expect(within(past).getAllByRole('form', { name: 'Your answer' })).toHaveLength(1);
    expect(await within(past).findByText('Old session.')).toBeTruthy();
    // In the list the comment field waits until a dispute needs it.
    expect(within(form).queryByLabelText('Comment')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Dispute' }));
    expect(within(form).getByText('Comment is required to dispute: say what you disagree with')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText('Comment'), { target: { value: 'We never talked about AHT.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Dispute' }));
    expect(await within(past).findByText(/You disputed this session/)).toBeTruthy();
    await waitFor(() => expect(within(past).queryByRole('form', { name: 'Your answer' })).toBeNull());
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      acknowledgement: 'DISPUTED',
      comment: 'We never talked about AHT.',
    });
  });

  it('says when there is nothing to show', async () => {
    open([]);
    renderApp('/my-sessions');
    expect(await screen.findByText('No past sessions yet.')).toBeTruthy();
  });
});
