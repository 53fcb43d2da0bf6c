// TanStack Query keys of the teams area (manager home, team page, correlations).
export interface CorrelationPeriod {
  from?: string;
  to?: string;
}

export const teamsKeys = {
  all: ['teams'] as const,
  managerHome: () => ['teams', 'manager-home'] as const,
  team: (teamLeaderId: string) => ['teams', 'team', teamLeaderId] as const,
  correlations: (period: CorrelationPeriod) =>
    ['teams', 'correlations', period.from ?? null, period.to ?? null] as const,
};
