import { useId } from 'react';
import { LEVELS, levelClass, levelRange } from './levels';

/** What the matrix's colours mean: each level's colour, name and band of scores. */
export function LevelLegend() {
  const id = useId();
  return (
    <div className="teams-legend">
      <p className="teams-legend-title" id={id}>
        Levels (0–100 scores)
      </p>
      <ul className="teams-legend-list" aria-labelledby={id}>
        {LEVELS.map(({ level, label }) => (
          <li key={level}>
            <span className={`teams-swatch ${levelClass(level)}`} aria-hidden="true" />
            {label}: {levelRange(level)}
          </li>
        ))}
        <li>
          <span className={`teams-swatch ${levelClass(null)}`} aria-hidden="true" />
          No data: —
        </li>
      </ul>
      <p className="teams-legend-note muted">
        CSAT (1–5), FCR (%) and AHT (seconds) have no levels and are shown without colour.
      </p>
    </div>
  );
}
