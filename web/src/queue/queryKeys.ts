/** TanStack Query keys of the priority queue. */
export const queueKeys = {
  all: ['queue'] as const,
  /** GET /api/v1/dashboard as a team leader. */
  teamLeaderHome: () => [...queueKeys.all, 'team-leader-home'] as const,
};
