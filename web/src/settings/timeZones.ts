/** UTC first (Intl leaves it out of its list), then every IANA zone this browser knows. */
export function timeZoneNames(): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((z) => z !== 'UTC')];
}

/** The list with `current` in it (a zone the server has that this browser does not list). */
export function timeZoneChoices(current: string): string[] {
  const names = timeZoneNames();
  return current && !names.includes(current) ? [current, ...names] : names;
}
