import { describe, expect, it } from 'vitest';
import { diffJson, formatValue, sameJson } from './diff';

describe('diffJson', () => {
  it('lists only the keys whose values differ, with old and new values', () => {
    const before = { name: 'Chloe', team_leader_id: 'tl-6', status: 'ACTIVE', tags: ['a'] };
    const after = { name: 'Chloe', team_leader_id: 'tl-5', status: 'ACTIVE', tags: ['a'] };
    expect(diffJson(before, after)).toEqual([
      { key: 'team_leader_id', kind: 'changed', before: 'tl-6', after: 'tl-5' },
    ]);
  });

  it('marks keys only after has as added and keys only before has as removed, in order', () => {
    expect(diffJson({ a: 1, gone: true }, { a: 2, fresh: null })).toEqual([
      { key: 'a', kind: 'changed', before: 1, after: 2 },
      { key: 'gone', kind: 'removed', before: true },
      { key: 'fresh', kind: 'added', after: null },
    ]);
  });

  it('treats a creation (before null) as every key added and a removal as every key removed', () => {
    expect(diffJson(null, { id: 'x', name: 'N' }).map((l) => [l.kind, l.key])).toEqual([
      ['added', 'id'],
      ['added', 'name'],
    ]);
    expect(diffJson({ id: 'x' }, null)).toEqual([{ key: 'id', kind: 'removed', before: 'x' }]);
  });

  it('compares nested values structurally, whatever the key order', () => {
    expect(diffJson({ p: { a: 1, b: [1, 2] } }, { p: { b: [1, 2], a: 1 } })).toEqual([]);
    expect(diffJson({ p: { a: 1 } }, { p: { a: 2 } })).toEqual([
      { key: 'p', kind: 'changed', before: { a: 1 }, after: { a: 2 } },
    ]);
  });

  it('gives one keyless line for values that are not both objects, none when nothing changed', () => {
    expect(diffJson(null, null)).toEqual([]);
    expect(diffJson(undefined, null)).toEqual([]);
    expect(diffJson('x', 'y')).toEqual([{ key: '', kind: 'changed', before: 'x', after: 'y' }]);
    expect(diffJson([1], [1])).toEqual([]);
    expect(diffJson(null, [1])).toEqual([{ key: '', kind: 'added', after: [1] }]);
  });
});

describe('sameJson and formatValue', () => {
  it('tells arrays from objects and null from missing', () => {
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson({ a: null }, { a: null })).toBe(true);
  });

  it('writes strings in quotes, null as null, and cuts long values', () => {
    expect(formatValue('Europe/Lisbon')).toBe('"Europe/Lisbon"');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(3)).toBe('3');
    expect(formatValue({ a: [1] })).toBe('{"a":[1]}');
    const long = formatValue('x'.repeat(500));
    expect(long).toHaveLength(160);
    expect(long.endsWith('…')).toBe(true);
  });
});
