import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGES } from '../app/pages';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { fetchMe, isMeFromDevice } from './authApi';
import {
  forgetDeviceCopy,
  keepAgents,
  keepSignedInUser,
  KEPT_FOR_MS,
  keptAgents,
  keptUser,
  OFFLINE_ROLES,
} from './deviceCopy';
import { markSignedIn, markSignedOut } from './session';

const tl = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER' });
const other = makeUser({ name: 'Casey Lee', role: 'TEAM_LEADER' });
const sam = makeUser({ name: 'Sam Patel', role: 'AGENT', team_leader_id: tl.id, phone: '+44 1234' });
const T = Date.parse('2026-12-07T09:00:00Z');

afterEach(() => {
  forgetDeviceCopy();
});

describe('the device copy', () => {
  it('is kept for the roles that write quick notes only', () => {
    expect([...OFFLINE_ROLES].sort()).toEqual([...PAGES.newNote.roles].sort());
    keepSignedInUser(tl, T);
    expect(keptUser(T)).toEqual(tl);
    // A manager (or an agent) signing in on the device leaves nothing kept.
    keepSignedInUser(makeUser({ name: 'Morgan Hale', role: 'MANAGER' }), T);
    expect(keptUser(T)).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it("keeps the user's agents, only what the picker needs, and only for that user", () => {
    keepSignedInUser(tl, T);
    keepAgents(tl.id, [sam]);
    expect(keptAgents(tl.id, T)).toEqual([{ id: sam.id, name: sam.name, email: sam.email, employee_id: sam.employee_id }]);
    expect(localStorage.getItem('coach.offline')).not.toContain('+44 1234');
    expect(keptAgents(other.id, T)).toBeNull();
    keepAgents(other.id, [sam]); // not the kept user: ignored
    expect(keptAgents(tl.id, T)).toHaveLength(1);
    // Confirmed again: the agents stay; another user signing in replaces everything.
    keepSignedInUser(tl, T + 1000);
    expect(keptAgents(tl.id, T)).toHaveLength(1);
    keepSignedInUser(other, T + 2000);
    expect(keptUser(T)).toEqual(other);
    expect(keptAgents(other.id, T)).toBeNull();
    expect(keptAgents(tl.id, T)).toBeNull();
  });

  it('is not used once it is older than the session lifetime, and is then removed', () => {
    keepSignedInUser(tl, T);
    expect(keptUser(T + KEPT_FOR_MS)).toEqual(tl);
    expect(keptUser(T + KEPT_FOR_MS + 1)).toBeNull();
    expect(localStorage.getItem('coach.offline')).toBeNull();
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem('coach.offline', '{not json');
    expect(keptUser()).toBeNull();
    localStorage.setItem('coach.offline', JSON.stringify({ v: 2, user: tl, confirmedAt: T }));
    expect(keptUser(T)).toBeNull();
  });

  it('is removed on sign-out, and kept on sign-in', () => {
    const client = new QueryClient();
    markSignedIn(client, tl, 'csrf');
    expect(keptUser()).toEqual(tl);
    markSignedOut(client, { byUser: true });
    expect(keptUser()).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});

describe('fetchMe', () => {
  it('keeps the user the server confirms', async () => {
    fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, tl) });
    expect(await fetchMe()).toEqual(tl);
    expect(isMeFromDevice()).toBe(false);
    expect(keptUser()).toEqual(tl);
  });

  it('answers from the device when the server cannot be reached at all', async () => {
    keepSignedInUser(tl);
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await fetchMe()).toEqual(tl);
    expect(isMeFromDevice()).toBe(true);
  });

  it('fails as before when nothing is kept, or when the server answers with an error', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(fetchMe()).rejects.toMatchObject({ status: 0 });
    keepSignedInUser(tl);
    fakeApi({ 'GET /api/v1/auth/me': () => apiError(503, 'unavailable', 'Try again shortly.') });
    await expect(fetchMe()).rejects.toMatchObject({ status: 503 });
  });

  it('forgets the copy when the server says the session has ended', async () => {
    keepSignedInUser(tl);
    fakeApi({ 'GET /api/v1/auth/me': () => apiError(401, 'unauthorized', 'Sign in.') });
    expect(await fetchMe()).toBeNull();
    expect(keptUser()).toBeNull();
    expect(isMeFromDevice()).toBe(false);
  });
});
