import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { QuickNote, Role } from '../api/types';
import { apiError, fakeApi, jsonResponse, makeUser, type RecordedRequest } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { makeNote } from './testing';

const tl = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER' });
const sam = makeUser({ name: 'Sam Patel', role: 'AGENT', team_leader_id: tl.id });
const riley = makeUser({ name: 'Riley Chen', role: 'AGENT', team_leader_id: tl.id });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

const LATE = makeNote({
  agent_id: sam.id,
  agent_name: 'Sam Patel',
  note_type: 'URGENT',
  priority: 'HIGH',
  content: 'Raised voice with a customer.',
  created_at: '2026-12-01T09:00:00Z',
  address_by: '2026-12-03T09:00:00Z',
  overdue: true,
  linked_session_id: '11111111-1111-4111-8111-111111111111',
  call_id: 'CALL-20261201-00042',
});
const DONE = makeNote({
  agent_id: riley.id,
  agent_name: 'Riley Chen',
  note_type: 'POSITIVE',
  priority: 'LOW',
  addressed: true,
  addressed_date: '2026-12-02T10:00:00Z',
  addressed_notes: 'Covered in the team huddle.',
});

function queryOf(req: RecordedRequest | undefined): Record<string, string> {
  return Object.fromEntries(new URL(req?.url ?? '', 'http://x').searchParams);
}

function openNotes(
  path: string,
  role: Role,
  list: (req: RecordedRequest) => Response = () => jsonResponse(200, { items: [LATE, DONE], next_cursor: null }),
  more: Record<string, (req: RecordedRequest) => Response> = {},
) {
  const me = role === 'TEAM_LEADER' ? tl : makeUser({ name: 'Morgan Lee', role });
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, me),
    'GET /api/v1/users': () => jsonResponse(200, { items: [sam, riley], next_cursor: null }),
    'GET /api/v1/quick-notes': list,
    ...more,
  });
  const view = renderApp(path);
  return { ...api, ...view };
}

const lists = (requests: RecordedRequest[]) => requests.filter((r) => r.url.startsWith('/api/v1/quick-notes?'));

describe('the notes list', () => {
  it('shows each note with its type, priority and deadline in words, its agent and session', async () => {
    openNotes('/notes', 'TEAM_LEADER');
    expect(await screen.findByRole('heading', { level: 1, name: 'Notes' })).toBeTruthy();
    const late = await screen.findByRole('article', { name: 'Sam Patel' });
    const l = within(late);
    expect(l.getByText('Urgent')).toBeTruthy();
    expect(l.getByText('High priority')).toBeTruthy();
    expect(l.getByText('Overdue')).toBeTruthy();
    expect(l.getByText(/ past its deadline$/)).toBeTruthy();
    expect(l.getByRole('link', { name: 'Sam Patel' }).getAttribute('href')).toBe(`/agents/${sam.id}`);
    expect(l.getByRole('link', { name: 'Linked coaching session' }).getAttribute('href')).toBe(
      '/sessions/11111111-1111-4111-8111-111111111111',
    );
    expect(l.getByText('CALL-20261201-00042')).toBeTruthy();
    expect(l.getByRole('button', { name: 'Address the note about Sam Patel' })).toBeTruthy();

    const done = within(screen.getByRole('article', { name: 'Riley Chen' }));
    expect(done.getByText('Low priority')).toBeTruthy();
    expect(done.getByText(/Covered in the team huddle\./)).toBeTruthy();
    expect(done.queryByRole('button', { name: /Address/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Write a quick note' }).getAttribute('href')).toBe('/notes/new');
    expect(screen.getByText('2 notes')).toBeTruthy();
  });

  it('reads its filters from the address, sends them to the API and keeps changes in the address', async () => {
    const { requests, router } = openNotes('/notes?addressed=false&overdue=true&note_type=URGENT&priority=BOGUS', 'TEAM_LEADER');
    await screen.findByRole('article', { name: 'Sam Patel' });
    expect(queryOf(lists(requests)[0])).toEqual({ addressed: 'false', overdue: 'true', note_type: 'URGENT', limit: '25' });
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('false');
    expect((screen.getByLabelText('Type') as HTMLSelectElement).value).toBe('URGENT');
    expect((screen.getByLabelText('Priority') as HTMLSelectElement).value).toBe('');
    expect((screen.getByLabelText('Only notes past their deadline') as HTMLInputElement).checked).toBe(true);

    fireEvent.change(screen.getByLabelText('Agent'), { target: { value: riley.id } });
    await waitFor(() => expect(currentPath(router)).toBe(`/notes?addressed=false&overdue=true&note_type=URGENT&agent_id=${riley.id}`));
    await waitFor(() => expect(queryOf(lists(requests).at(-1))).toMatchObject({ agent_id: riley.id }));

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(currentPath(router)).toBe('/notes'));
  });

  it('loads more with the cursor', async () => {
    const first = Array.from({ length: 2 }, () => makeNote());
    const second = [makeNote({ content: 'The oldest note.' })];
    const { requests } = openNotes('/notes', 'MANAGER', (req) =>
      queryOf(req).cursor === 'c2'
        ? jsonResponse(200, { items: second, next_cursor: null })
        : jsonResponse(200, { items: first, next_cursor: 'c2' }),
    );
    expect(await screen.findByText('2 notes shown')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('The oldest note.')).toBeTruthy();
    expect(screen.getByText('3 notes')).toBeTruthy();
    expect(queryOf(lists(requests).at(-1))).toEqual({ limit: '25', cursor: 'c2' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('offers a manager no way to write or address notes', async () => {
    openNotes('/notes', 'MANAGER');
    await screen.findByRole('article', { name: 'Sam Patel' });
    expect(screen.queryByRole('button', { name: /Address/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Write a quick note' })).toBeNull();
  });

  it('addresses a note, saying how (required)', async () => {
    let addressed: QuickNote | null = null;
    const { requests } = openNotes(
      '/notes',
      'TEAM_LEADER',
      () => jsonResponse(200, { items: addressed ? [addressed, DONE] : [LATE, DONE], next_cursor: null }),
      {
        [`POST /api/v1/quick-notes/${LATE.id}/address`]: (req) => {
          const body = req.body as { addressed_notes: string };
          addressed = { ...LATE, addressed: true, overdue: false, addressed_notes: body.addressed_notes, addressed_date: '2026-12-07T10:00:00Z' };
          return jsonResponse(200, addressed);
        },
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Address the note about Sam Patel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Address the note about Sam Patel' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark addressed' }));
    expect(await within(dialog).findByText('Say how the note was addressed.')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('How it was addressed'), { target: { value: 'Listened to the call together.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark addressed' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ addressed_notes: 'Listened to the call together.' });
    expect(await screen.findByText(/Listened to the call together\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Address the note about Sam Patel' })).toBeNull();
  });

  it('says when the note was addressed meanwhile (409)', async () => {
    openNotes('/notes', 'ADMIN', undefined, {
      [`POST /api/v1/quick-notes/${LATE.id}/address`]: () => apiError(409, 'conflict', 'This note is addressed already.'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Address the note about Sam Patel' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('How it was addressed'), { target: { value: 'Done.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark addressed' }));
    expect(await within(dialog).findByText('Already addressed')).toBeTruthy();
  });

  it('has empty and error states', async () => {
    openNotes('/notes?note_type=GENERAL', 'TEAM_LEADER', () => jsonResponse(200, { items: [], next_cursor: null }));
    expect(await screen.findByText('No note matches these filters.')).toBeTruthy();
    cleanup();
    // A 4xx is not retried: the error shows at once.
    openNotes('/notes', 'TEAM_LEADER', () => apiError(400, 'bad_request', 'Something broke.'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the notes');
    expect(alert.textContent).toContain('Something broke.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('is not found for an agent, who never asks for notes', async () => {
    const { requests } = openNotes('/notes', 'AGENT');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(requests.some((r) => r.url.startsWith('/api/v1/quick-notes'))).toBe(false);
  });
});
