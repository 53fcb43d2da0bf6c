import { levelLabel, type Level } from '../../format/performance';

/** A performance level in words on its colour (the word carries it; the colour only helps). */
export function LevelBadge({ level }: { level: Level | null }) {
  const kind = level === null ? 'none' : level.toLowerCase();
  return <span className={`badge perf-level perf-level-${kind}`}>{levelLabel(level)}</span>;
}
