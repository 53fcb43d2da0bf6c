// The audit log's filters: kept in the address (/audit?actor_id=…&from=…), so a filtered log is
// a link (the person page links to its own entries).

export interface AuditFilters {
  actorId: string;
  entityType: string;
  entityId: string;
  action: string;
  /** First and last day (YYYY-MM-DD), inclusive, in the organisation's time zone. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = {
  actorId: '',
  entityType: '',
  entityId: '',
  action: '',
  from: '',
  to: '',
};

/** Each filter's name in the address and in the API's query. */
const PARAMS: ReadonlyArray<[keyof AuditFilters, string]> = [
  ['actorId', 'actor_id'],
  ['entityType', 'entity_type'],
  ['entityId', 'entity_id'],
  ['action', 'action'],
  ['from', 'from'],
  ['to', 'to'],
];

/** The API parameter a filter is sent as (its field errors name it). */
export function paramOf(filter: keyof AuditFilters): string {
  return PARAMS.find(([f]) => f === filter)?.[1] ?? filter;
}

export function auditFiltersFromSearch(search: URLSearchParams): AuditFilters {
  const filters = { ...NO_AUDIT_FILTERS };
  for (const [filter, param] of PARAMS) filters[filter] = (search.get(param) ?? '').trim();
  return filters;
}

export type AuditQuery = Partial<Record<string, string>>;

/** The set filters, by their API names (also the address's query). */
export function auditQueryFromFilters(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  for (const [filter, param] of PARAMS) {
    const value = filters[filter].trim();
    if (value) query[param] = value;
  }
  return query;
}

export function searchFromAuditFilters(filters: AuditFilters): URLSearchParams {
  return new URLSearchParams(auditQueryFromFilters(filters) as Record<string, string>);
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.keys(auditQueryFromFilters(filters)).length > 0;
}
