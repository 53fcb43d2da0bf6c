// Performance levels and trends for people (docs/domain.md, "Performance level" and "Trends").
// Labels, trend words and arrows are format/performance's, shared with the agent pages.
import type { Level } from '../format/performance';

export type { Level };
export { levelLabel, trendArrow, trendLabel } from '../format/performance';

/** Best first; each with the lowest 0-100 score it starts at (inclusive). */
export const LEVELS: readonly { level: Level; label: string; from: number | null }[] = [
  { level: 'EXCELLENT', label: 'Excellent', from: 90 },
  { level: 'GOOD', label: 'Good', from: 80 },
  { level: 'FAIR', label: 'Fair', from: 70 },
  { level: 'POOR', label: 'Poor', from: 60 },
  { level: 'CRITICAL', label: 'Critical', from: null },
];

/**
 * The level of a 0-100 score with the composite's bands: EXCELLENT >= 90, GOOD >= 80,
 * FAIR >= 70, POOR >= 60, else CRITICAL (inclusive from below); null without a score.
 */
export function levelOf(score: number | null | undefined): Level | null {
  if (score === null || score === undefined || Number.isNaN(score)) return null;
  for (const { level, from } of LEVELS) if (from === null || score >= from) return level;
  return 'CRITICAL';
}

/** The band of a level in words: "90 and above", "80 to 89.99", "below 60". */
export function levelRange(level: Level): string {
  const i = LEVELS.findIndex((l) => l.level === level);
  const from = LEVELS[i]?.from ?? null;
  const above = i > 0 ? LEVELS[i - 1]?.from ?? null : null;
  if (from === null) return `below ${above ?? 0}`;
  if (above === null) return `${from} and above`;
  return `${from} to ${(above - 0.01).toFixed(2)}`;
}

/** The CSS class carrying a level's colours (styles.css, "Teams"). */
export function levelClass(level: Level | null): string {
  return level === null ? 'teams-level-none' : `teams-level-${level.toLowerCase()}`;
}
