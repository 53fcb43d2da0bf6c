import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditDiff } from './AuditDiff';

afterEach(cleanup);

function lines() {
  return screen.getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
}

describe('AuditDiff', () => {
  it('lists each changed key with its old -> new value, in words', () => {
    render(
      <AuditDiff
        before={{ name: 'Chloe Mensah', team_leader_id: 'tl-6', updated_at: 't1' }}
        after={{ name: 'Chloe Mensah', team_leader_id: 'tl-5', updated_at: 't2' }}
        names={new Map([['tl-5', 'Tariq Haddad'], ['tl-6', 'Grace Okafor']])}
      />,
    );
    expect(lines()).toEqual([
      'Changed team_leader_id: "tl-6" (Grace Okafor) → to "tl-5" (Tariq Haddad)',
      'Changed updated_at: "t1" → to "t2"',
    ]);
    // The arrow is for the eye; a screen reader hears "to".
    const arrow = screen.getAllByText('→', { exact: false })[0]!;
    expect(arrow.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryByText(/name/)).toBeNull();
  });

  it('says "Added" and "Removed" in words, not only by colour', () => {
    render(<AuditDiff before={{ a: 1, old: 'x' }} after={{ a: 1, fresh: null }} />);
    expect(lines()).toEqual(['Removed old: was "x"', 'Added fresh: null']);
    const removed = screen.getAllByRole('listitem')[0]!;
    expect(within(removed).getByText('Removed').className).toBe('audit-diff-kind');
  });

  it('folds a long list (a creation) behind a summary that counts it', () => {
    const after = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, i]));
    const { container } = render(<AuditDiff before={null} after={after} />);
    const details = container.querySelector('details');
    expect(details).not.toBeNull();
    expect(details?.querySelector('summary')?.textContent).toBe('8 fields (8 added)');
    expect(details?.querySelectorAll('li')).toHaveLength(8);
  });

  it('says when nothing changed', () => {
    render(<AuditDiff before={null} after={null} />);
    expect(screen.getByText('No recorded change of values.')).toBeTruthy();
  });
});
