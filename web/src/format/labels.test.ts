import { describe, expect, it } from 'vitest';
import { humanizeEnum, roleLabel, statusLabel } from './labels';

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
