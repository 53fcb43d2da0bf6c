import { describe, expect, it } from 'vitest';
import { isPageHandle, mayOpen, navigationFor } from './pages';

describe('navigationFor', () => {
  it.each([
    ['ADMIN', ['Home', 'Sessions', 'Quick note', 'Notes', 'People', 'Imports', 'Jobs', 'Audit', 'Settings']],
    ['MANAGER', ['Home', 'Sessions', 'Notes', 'People']],
    ['TEAM_LEADER', ['Home', 'Sessions', 'Quick note', 'Notes', 'People']],
    ['AGENT', ['Home', 'My sessions']],
  ] as const)('%s sees %j', (role, labels) => {
    expect(navigationFor(role).map((p) => p.label)).toEqual(labels);
  });

  it('links only to pages the role may open', () => {
    for (const role of ['ADMIN', 'MANAGER', 'TEAM_LEADER', 'AGENT'] as const) {
      for (const page of navigationFor(role)) expect(page.roles).toContain(role);
    }
  });
});

describe('mayOpen', () => {
  it('lets everyone open home, account and agent pages', () => {
    for (const role of ['ADMIN', 'MANAGER', 'TEAM_LEADER', 'AGENT'] as const) {
      expect(mayOpen(role, 'home')).toBe(true);
      expect(mayOpen(role, 'account')).toBe(true);
      expect(mayOpen(role, 'agent')).toBe(true);
    }
  });

  it('keeps agents off People and non-admins off the admin pages', () => {
    expect(mayOpen('AGENT', 'people')).toBe(false);
    expect(mayOpen('TEAM_LEADER', 'people')).toBe(true);
    for (const page of ['imports', 'jobs', 'audit', 'settings'] as const) {
      expect(mayOpen('ADMIN', page)).toBe(true);
      expect(mayOpen('MANAGER', page)).toBe(false);
      expect(mayOpen('TEAM_LEADER', page)).toBe(false);
      expect(mayOpen('AGENT', page)).toBe(false);
    }
  });
});

describe('isPageHandle', () => {
  it('accepts known page keys only', () => {
    expect(isPageHandle({ page: 'people' })).toBe(true);
    expect(isPageHandle({ page: 'toString' })).toBe(false);
    expect(isPageHandle({ page: 'nope' })).toBe(false);
    expect(isPageHandle(null)).toBe(false);
    expect(isPageHandle(undefined)).toBe(false);
  });
});
