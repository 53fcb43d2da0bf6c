function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** A wait such as Retry-After for people: "42 seconds", "15 minutes (900 seconds)". */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return plural(s, 'second');
  return `${plural(Math.ceil(s / 60), 'minute')} (${plural(s, 'second')})`;
}
