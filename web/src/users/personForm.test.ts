import { describe, expect, it } from 'vitest';
import { makeUser } from '../test/fakeApi';
import { createBody, draftFromUser, emptyDraft, isEmptyPatch, patchBody } from './personForm';

const agent = makeUser({
  name: 'Chloe Mensah',
  role: 'AGENT',
  team_leader_id: 'tl-6',
  phone: '+1 555 1078',
  shift_pattern: 'Morning',
});

describe('patchBody', () => {
  it('is empty when nothing changed', () => {
    expect(isEmptyPatch(patchBody(agent, draftFromUser(agent)))).toBe(true);
  });

  it('names only the changed fields, trimmed, with cleared fields as null', () => {
    const draft = { ...draftFromUser(agent), name: ' Chloe M. ', phone: '  ', department: 'Sales' };
    expect(patchBody(agent, draft)).toEqual({ name: 'Chloe M.', phone: null, department: 'Sales' });
  });

  it('drops the team leader when an agent becomes a team leader, and sets the manager', () => {
    const draft = { ...draftFromUser(agent), role: 'TEAM_LEADER' as const, manager_id: 'm-1' };
    expect(patchBody(agent, draft)).toEqual({
      role: 'TEAM_LEADER',
      team_leader_id: null,
      manager_id: 'm-1',
    });
  });

  it('never sends an empty time zone (the column is required)', () => {
    expect(patchBody(agent, { ...draftFromUser(agent), timezone: '' })).toEqual({});
  });
});

describe('createBody', () => {
  it('sends the required fields and only the optional ones that are filled in', () => {
    const draft = emptyDraft({
      email: ' new@coach.test ',
      name: 'New Person',
      role: 'AGENT',
      team_leader_id: 'tl-1',
      manager_id: 'ignored-for-an-agent',
      hire_date: '2026-01-05',
    });
    expect(createBody(draft)).toEqual({
      email: 'new@coach.test',
      name: 'New Person',
      role: 'AGENT',
      team_leader_id: 'tl-1',
      hire_date: '2026-01-05',
    });
  });
});
