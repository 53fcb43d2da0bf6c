import { levelClass, levelLabel, levelOf } from './levels';
import { formatMetric, METRICS, type MetricKey } from './metrics';

/**
 * A table cell with a metric's value. A 0-100 score is on its level's colour and says the
 * level in words under the number; CSAT, FCR and AHT have no level and no colour.
 */
export function MetricCell({ metric, value }: { metric: MetricKey; value: number | null | undefined }) {
  const text = formatMetric(metric, value);
  if (!METRICS[metric].scored)
    return <td className="teams-metric-cell teams-num">{text}</td>;
  const level = levelOf(value ?? null);
  return (
    <td className={`teams-metric-cell teams-num ${levelClass(level)}`} data-level={level ?? 'NONE'}>
      <span className="teams-metric-value">{text}</span>
      <span className="teams-metric-level">{level === null ? 'No data' : levelLabel(level)}</span>
    </td>
  );
}
