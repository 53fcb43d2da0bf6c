import { trendArrow, trendLabel, type Trend } from '../../format/performance';

interface Props {
  trend: Trend | null;
  /** What the trend is of, for screen readers ("Composite"); the text says only the trend. */
  of?: string;
}

/** A trend as an arrow and words ("↓ Declining"); the arrow is decoration. */
export function TrendLabel({ trend, of }: Props) {
  const kind = trend === null ? 'none' : trend.toLowerCase();
  return (
    <span className={`perf-trend perf-trend-${kind}`}>
      <span className="perf-trend-arrow" aria-hidden="true">
        {trendArrow(trend)}
      </span>{' '}
      {of && <span className="visually-hidden">{of} trend: </span>}
      {trendLabel(trend)}
    </span>
  );
}
