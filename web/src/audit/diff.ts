// What an audit entry changed: its before and after (any JSON) compared key by key.

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffLine {
  /** The top-level key; '' when before and after are not both objects. */
  key: string;
  kind: DiffKind;
  before?: unknown;
  after?: unknown;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of two JSON values (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]))
    );
  }
  return false;
}

/**
 * The keys that differ, in the order they appear (before's, then keys only after has). A key
 * only in after is "added" (so is every key of a creation, whose before is null), one only in
 * before "removed"; a key in both whose value differs "changed". Values that are not both
 * objects give one line with key ''.
 */
export function diffJson(before: unknown, after: unknown): DiffLine[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((isObject(b) || b === null) && (isObject(a) || a === null) && (b !== null || a !== null)) {
    const from: JsonObject = b ?? {};
    const to: JsonObject = a ?? {};
    const keys = [...Object.keys(from), ...Object.keys(to).filter((k) => !Object.hasOwn(from, k))];
    const lines: DiffLine[] = [];
    for (const key of keys) {
      const inFrom = Object.hasOwn(from, key);
      const inTo = Object.hasOwn(to, key);
      if (inFrom && !inTo) lines.push({ key, kind: 'removed', before: from[key] });
      else if (!inFrom && inTo) lines.push({ key, kind: 'added', after: to[key] });
      else if (!sameJson(from[key], to[key]))
        lines.push({ key, kind: 'changed', before: from[key], after: to[key] });
    }
    return lines;
  }
  if (sameJson(b, a)) return [];
  if (b === null) return [{ key: '', kind: 'added', after: a }];
  if (a === null) return [{ key: '', kind: 'removed', before: b }];
  return [{ key: '', kind: 'changed', before: b, after: a }];
}

const MAX_VALUE_LENGTH = 160;

/** A value as text: strings in quotes, null as null, anything else as its JSON. */
export function formatValue(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
