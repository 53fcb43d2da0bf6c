import type { DashboardPerformanceLevel } from '../api/types';
import { levelClass, levelLabel } from './levels';

/** A performance level in words on its colour (the word carries it; the colour only helps). */
export function LevelBadge({ level }: { level: DashboardPerformanceLevel | null }) {
  return <span className={`teams-level-badge ${levelClass(level)}`}>{levelLabel(level)}</span>;
}
