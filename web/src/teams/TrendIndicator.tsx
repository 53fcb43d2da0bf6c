import type { DashboardMetricTrend } from '../api/types';
import { trendArrow, trendLabel } from './levels';

/** A trend as an arrow and words ("↓ Declining"); the arrow is decoration. */
export function TrendIndicator({ trend }: { trend: DashboardMetricTrend | null }) {
  const kind = trend === null ? 'none' : trend.toLowerCase();
  return (
    <span className={`teams-trend teams-trend-${kind}`}>
      <span className="teams-trend-arrow" aria-hidden="true">
        {trendArrow(trend)}
      </span>{' '}
      {trendLabel(trend)}
    </span>
  );
}
