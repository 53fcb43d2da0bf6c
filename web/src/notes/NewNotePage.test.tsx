import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { QuickNoteCreate, Role } from '../api/types';
import { apiError, fakeApi, jsonResponse, makeUser, SERVER_CSRF, type RecordedRequest } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { freshOutbox, makeNote } from './testing';

const tl = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER' });
const sam = makeUser({ name: 'Sam Patel', role: 'AGENT', team_leader_id: tl.id });
const riley = makeUser({ name: 'Riley Chen', role: 'AGENT', team_leader_id: tl.id });
const zoe = makeUser({ name: 'Zoë Adams', role: 'AGENT', team_leader_id: tl.id });
const ada = makeUser({ name: 'Ada Brown', role: 'AGENT', team_leader_id: tl.id });
const gone = makeUser({ name: 'Gone Agent', role: 'AGENT', team_leader_id: tl.id, status: 'TERMINATED' });

let online = true;

beforeEach(() => {
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  freshOutbox();
});

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

function goOnline() {
  online = true;
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
}

function goOffline() {
  online = false;
  act(() => {
    window.dispatchEvent(new Event('offline'));
  });
}

const created = (req: RecordedRequest) => {
  const body = req.body as QuickNoteCreate;
  return jsonResponse(
    201,
    makeNote({ agent_id: body.agent_id, note_type: body.note_type, content: body.content }),
  );
};

/** The server, faked (fetch stubbed), for a team leader (or `role`). */
function fakeServer(
  post: (req: RecordedRequest) => Response | Promise<Response> = created,
  role: Role = 'TEAM_LEADER',
) {
  const me = role === 'TEAM_LEADER' ? tl : makeUser({ name: 'Avery Collins', role });
  return fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, me),
    'GET /api/v1/users': () => jsonResponse(200, { items: [ada, sam, riley, zoe, gone], next_cursor: null }),
    // Sam was written about last, then Riley (a note of before writers were recorded counts
    // as the team leader's); a note by someone else does not count.
    'GET /api/v1/quick-notes': () =>
      jsonResponse(200, {
        items: [
          makeNote({ agent_id: zoe.id, created_by: 'id-someone.else' }),
          makeNote({ agent_id: sam.id, created_by: tl.id }),
          makeNote({ agent_id: riley.id, created_by: null }),
          makeNote({ agent_id: sam.id, created_by: tl.id }),
        ],
        next_cursor: null,
      }),
    'POST /api/v1/quick-notes': post,
  });
}

function openForm(
  path = '/notes/new',
  post: (req: RecordedRequest) => Response | Promise<Response> = created,
  role: Role = 'TEAM_LEADER',
) {
  const api = fakeServer(post, role);
  renderApp(path);
  return api;
}

const posts = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.url === '/api/v1/quick-notes');

async function agentButtons() {
  const group = await screen.findByRole('group', { name: 'Agent' });
  await within(group).findByRole('button', { name: /Sam Patel/ });
  return within(group)
    .getAllByRole('button')
    .map((b) => b.textContent);
}

async function writeNote(agent: string, type: string, text: string) {
  const group = await screen.findByRole('group', { name: 'Agent' });
  fireEvent.click(await within(group).findByRole('button', { name: new RegExp(agent) }));
  fireEvent.click(screen.getByRole('radio', { name: new RegExp(`^${type}`) }));
  fireEvent.change(screen.getByRole('textbox', { name: 'Note' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
}

describe('the quick-note page', () => {
  it("lists the team leader's own agents, the ones written about lately first", async () => {
    const { requests } = openForm();
    expect(await screen.findByRole('heading', { level: 1, name: 'Quick note' })).toBeTruthy();
    // Who has left is not offered.
    expect(await agentButtons()).toEqual(['Sam PatelRecent', 'Riley ChenRecent', 'Ada Brown', 'Zoë Adams']);
    const users = requests.find((r) => r.url.startsWith('/api/v1/users'));
    const query = new URL(users?.url ?? '', 'http://x').searchParams;
    expect(query.get('role')).toBe('AGENT');
    expect(query.get('team_leader_id')).toBe(tl.id);

    // Typing filters (accents and case aside).
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find an agent' }), { target: { value: 'zoe' } });
    expect(within(screen.getByRole('group', { name: 'Agent' })).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Zoë Adams',
    ]);
  });

  it('sends a note with an Idempotency-Key and says it was sent', async () => {
    const { requests } = openForm();
    await writeNote('Sam Patel', 'Coaching', '  Skipped the second verification question.  ');

    expect(await screen.findByText('Sent: your note about Sam Patel.')).toBeTruthy();
    const [post] = posts(requests);
    expect(post?.body).toEqual({
      agent_id: sam.id,
      note_type: 'COACHING',
      content: 'Skipped the second verification question.',
      timestamp_occurred: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown as string,
    });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post?.headers.get('X-CSRF-Token')).toBe(SERVER_CSRF);
    const sent = screen.getByRole('region', { name: 'Sent' });
    expect(within(sent).getByText('Skipped the second verification question.')).toBeTruthy();
    expect(within(sent).getByText('Sent', { selector: 'p' })).toBeTruthy();
    // A new, empty form for the next note.
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByText('Nothing waiting: every note you wrote here has been sent.')).toBeTruthy();
  });

  it('sends the optional details when given', async () => {
    const { requests } = openForm();
    await screen.findByRole('group', { name: 'Agent' });
    fireEvent.click(screen.getByText('More details (optional)'));
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'HIGH' } });
    fireEvent.change(screen.getByLabelText('Call ID'), { target: { value: ' CALL-1 ' } });
    fireEvent.change(screen.getByLabelText('Customer ID'), { target: { value: 'CUST-9' } });
    fireEvent.click(screen.getByLabelText('Needs a follow-up'));
    await writeNote('Riley Chen', 'Positive', 'Great save on a refund.');
    await screen.findByText('Sent: your note about Riley Chen.');
    expect(posts(requests)[0]?.body).toMatchObject({
      agent_id: riley.id,
      note_type: 'POSITIVE',
      priority: 'HIGH',
      call_id: 'CALL-1',
      customer_id: 'CUST-9',
      requires_follow_up: true,
    });
  });

  it('says what is missing and sends nothing', async () => {
    const { requests } = openForm();
    await agentButtons();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Choose the agent the note is about.')).toBeTruthy();
    expect(screen.getByText('Choose the type of note.')).toBeTruthy();
    expect(screen.getByText('Write the note.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Note' }).getAttribute('aria-invalid')).toBe('true');
    expect(posts(requests)).toEqual([]);
  });

  it("shows the server's refusal next to the field and keeps the note in the form, not in the outbox", async () => {
    openForm('/notes/new', () =>
      jsonResponse(422, {
        error: {
          code: 'validation_failed',
          message: 'The request is not valid.',
          details: [{ field: 'content', message: 'must not be empty' }],
        },
      }),
    );
    await writeNote('Sam Patel', 'General', 'Something');
    expect(await screen.findByText('Note must not be empty')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The request is not valid.');
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('Something');
    expect(screen.queryByText(/waiting (for|to be)/)).toBeNull();
    expect(screen.getByText('Nothing waiting: every note you wrote here has been sent.')).toBeTruthy();
  });

  it('keeps a note written offline and sends it once when the network returns', async () => {
    const { requests } = openForm();
    await agentButtons();
    goOffline();
    expect(screen.getByText(/You are offline\. Notes you write are kept on this device/)).toBeTruthy();

    await writeNote('Sam Patel', 'Urgent', 'Raised voice with a customer.');
    expect(await screen.findByText(/Your note about Sam Patel is kept on this device/)).toBeTruthy();
    expect(screen.getByText('1 note waiting for the network')).toBeTruthy();
    await writeNote('Riley Chen', 'Compliance', 'Read the card number back.');
    expect(await screen.findByText('2 notes waiting for the network')).toBeTruthy();
    const waiting = screen.getByRole('region', { name: 'Not sent yet' });
    expect(within(waiting).getByText('Raised voice with a customer.')).toBeTruthy();
    expect(within(waiting).getAllByText('Waiting for the network.')).toHaveLength(2);
    expect(posts(requests)).toEqual([]);

    goOnline();
    await waitFor(() => expect(screen.getByText('Nothing waiting: every note you wrote here has been sent.')).toBeTruthy());
    const sent = posts(requests);
    expect(sent.map((r) => (r.body as QuickNoteCreate).content)).toEqual([
      'Raised voice with a customer.',
      'Read the card number back.',
    ]);
    expect(within(screen.getByRole('region', { name: 'Sent' })).getAllByText('Sent', { selector: 'p' })).toHaveLength(2);
    // What is said of the last note follows it.
    expect(screen.getByText('Sent: your note about Riley Chen.')).toBeTruthy();
    // Another `online` event sends nothing more.
    goOnline();
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(posts(requests)).toHaveLength(2);
  });

  it('opens with no network at all from what the device kept, and sends once it returns', async () => {
    // Opened online once: the user and their agents are kept on the device.
    openForm();
    await agentButtons();
    cleanup();
    // Then opened again in a new tab with the network gone (no CSRF token in this tab yet).
    setCsrfToken(null);
    online = false;
    const offline = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    vi.stubGlobal('fetch', offline);
    renderApp('/notes/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Quick note' })).toBeTruthy();
    expect(screen.getByText(/You are offline\. Notes you write are kept on this device/)).toBeTruthy();
    expect(await agentButtons()).toEqual(['Ada Brown', 'Riley Chen', 'Sam Patel', 'Zoë Adams']);
    await writeNote('Riley Chen', 'Coaching', 'Talked over the customer twice.');
    expect(await screen.findByText('1 note waiting for the network')).toBeTruthy();

    expect(offline).toHaveBeenCalled();

    const { requests } = fakeServer();
    goOnline();
    await screen.findByText('Nothing waiting: every note you wrote here has been sent.');
    const [post, ...more] = posts(requests);
    expect(more).toEqual([]);
    expect((post?.body as QuickNoteCreate).content).toBe('Talked over the customer twice.');
    // The tab had no CSRF token: it asked for it before sending.
    expect(post?.headers.get('X-CSRF-Token')).toBe(SERVER_CSRF);
    // And the server was asked again who is signed in.
    await waitFor(() => expect(requests.some((r) => r.url === '/api/v1/auth/me')).toBe(true));
  });

  it('sends with the same key again after a lost answer ("Send now")', async () => {
    let calls = 0;
    const { requests } = openForm('/notes/new', (req) => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return created(req);
    });
    await writeNote('Sam Patel', 'Coaching', 'Hold time was long.');
    expect(await screen.findByText('1 note waiting to be sent')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await screen.findByText('Nothing waiting: every note you wrote here has been sent.');
    const [first, second] = posts(requests);
    expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'));
    expect(second?.body).toEqual(first?.body);
  });

  it('keeps a note refused later as failed, with the message, to edit or discard', async () => {
    const { requests } = openForm('/notes/new', () =>
      apiError(409, 'conflict', 'This Idempotency-Key was used for another note; send a new key for a new note.'),
    );
    await agentButtons();
    goOffline();
    await writeNote('Sam Patel', 'Coaching', 'Hold time was long.');
    await screen.findByText('1 note waiting for the network');
    goOnline();
    expect(await screen.findByText('1 note not accepted by the server')).toBeTruthy();
    expect(screen.getByText('The server did not accept your note about Sam Patel: see “Not sent yet” below.')).toBeTruthy();
    expect(screen.getByText(/^Not sent: This Idempotency-Key was used for another note/)).toBeTruthy();
    expect(posts(requests)).toHaveLength(1);

    // Edit: back into the form, out of the list.
    fireEvent.click(screen.getByRole('button', { name: 'Edit and send again' }));
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('Hold time was long.'),
    );
    // The form takes the focus in an effect, which may run just after the render that shows the value.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Note' })));
    expect(screen.getByText('Sam Patel', { selector: '.notes-agent-chosen-name' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /^Coaching/ })).toHaveProperty('checked', true);
    expect(screen.queryByText('1 note not accepted by the server')).toBeNull();
  });

  it('discards a refused note when asked twice', async () => {
    openForm('/notes/new', () => apiError(403, 'forbidden', 'You may not write this for this agent.'));
    await agentButtons();
    goOffline();
    await writeNote('Riley Chen', 'General', 'Asked about swapping shifts.');
    await screen.findByText('1 note waiting for the network');
    goOnline();
    await screen.findByText('Not sent: You may not write this for this agent.');
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard this note?' });
    expect(dialog.textContent).toContain('The note about Riley Chen was not accepted by the server.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByText('Asked about swapping shifts.')).toBeNull());
    expect(screen.getByText('Nothing waiting: every note you wrote here has been sent.')).toBeTruthy();
  });

  it('preselects the agent of the link (the agent page\'s "Add note")', async () => {
    openForm(`/notes/new?agent_id=${riley.id}`);
    const group = await screen.findByRole('group', { name: 'Agent' });
    expect(await within(group).findByText('Riley Chen')).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Change agent' })).toBeTruthy();
  });

  it.each<Role>(['AGENT', 'MANAGER'])('is not found for a %s', async (role) => {
    const { requests } = openForm('/notes/new', created, role);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(requests.some((r) => r.url.startsWith('/api/v1/quick-notes'))).toBe(false);
  });
});
