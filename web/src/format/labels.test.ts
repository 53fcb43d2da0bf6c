import { describe, expect, it } from 'vitest';
import { humanizeEnum, roleLabel, seesPeople, statusLabel } from './labels';

describe('roleLabel', () => {
  it.each([
    ['ADMIN', 'Admin'],
    ['MANAGER', 'Manager'],
    ['TEAM_LEADER', 'Team leader'],
    ['AGENT', 'Agent'],
  ])('%s -> %s', (role, label) => {
    expect(roleLabel(role)).toBe(label);
  });

  it('humanizes a role this build does not know', () => {
    expect(roleLabel('QUALITY_ANALYST')).toBe('Quality analyst');
  });

  it('does not treat object keys as roles', () => {
    expect(roleLabel('toString')).toBe('Tostring');
  });
});

describe('statusLabel', () => {
  it.each([
    ['ACTIVE', 'Active'],
    ['PIP', 'On PIP'],
    ['LEAVE', 'On leave'],
    ['TERMINATED', 'Terminated'],
  ])('%s -> %s', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });
});

describe('humanizeEnum', () => {
  it('handles empty and single words', () => {
    expect(humanizeEnum('')).toBe('');
    expect(humanizeEnum('GOOD')).toBe('Good');
    expect(humanizeEnum('NO_SHOW')).toBe('No show');
  });
});

describe('seesPeople', () => {
  it('is true for the roles that manage people and false for agents', () => {
    expect(seesPeople('ADMIN')).toBe(true);
    expect(seesPeople('MANAGER')).toBe(true);
    expect(seesPeople('TEAM_LEADER')).toBe(true);
    expect(seesPeople('AGENT')).toBe(false);
  });
});
