import { useId } from 'react';
import { SCALE } from './correlation';

/** The diverging colour scale in words and ranges of r. */
export function CorrelationLegend() {
  const id = useId();
  return (
    <div className="teams-legend">
      <p className="teams-legend-title" id={id}>
        Colours (r)
      </p>
      <ul className="teams-legend-list" aria-labelledby={id}>
        {SCALE.map((s) => (
          <li key={s.className}>
            <span className={`teams-swatch ${s.className}`} aria-hidden="true" />
            {s.label}: {s.range}
          </li>
        ))}
      </ul>
    </div>
  );
}
