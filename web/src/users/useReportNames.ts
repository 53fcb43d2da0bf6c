import { useMemo } from 'react';
import type { Role } from '../api/types';
import { useDirectory } from './hooks';

/**
 * Names of the team leaders and managers the caller can see, by id: whom each person reports
 * to. Only for roles that see the "Reports to" column.
 */
export function useReportNames(viewerRole: Role): ReadonlyMap<string, string> {
  const enabled = viewerRole === 'ADMIN' || viewerRole === 'MANAGER';
  const leaders = useDirectory('TEAM_LEADER', enabled);
  const managers = useDirectory('MANAGER', enabled);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const p of [...(leaders.data ?? []), ...(managers.data ?? [])]) names.set(p.id, p.name);
    return names;
  }, [leaders.data, managers.data]);
}
