import type { CorrelationMatrix } from '../api/types';
import {
  cellOf,
  correlationClass,
  describeR,
  FEW_DAYS,
  formatCount,
  formatN,
  formatR,
} from './correlation';
import { metricLabel, metricName, type MetricKey } from './metrics';

function CorrelationCellView({ x, y, matrix }: { x: MetricKey; y: MetricKey; matrix: CorrelationMatrix }) {
  if (x === y)
    return (
      <td className="teams-corr-cell teams-corr-self">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">same metric</span>
      </td>
    );
  const cell = cellOf(matrix, x, y);
  if (cell === null)
    return (
      <td className="teams-corr-cell teams-corr-missing">
        <span className="teams-corr-r">not enough data</span>
      </td>
    );
  const few = cell.r !== null && cell.n < FEW_DAYS;
  return (
    <td className={`teams-corr-cell ${correlationClass(cell.r)}`}>
      <span className={cell.r === null ? 'teams-corr-r teams-corr-none' : 'teams-corr-r'}>
        {formatR(cell.r)}
      </span>
      {cell.r !== null && <span className="visually-hidden">, {describeR(cell.r)}, </span>}
      <span className="teams-corr-n">
        {cell.r === null && <span className="visually-hidden">, </span>}
        {formatN(cell.n)}
        <span className="visually-hidden"> agent-days with both</span>
      </span>
      {few && <span className="teams-corr-few">few days: read with care</span>}
    </td>
  );
}

/**
 * The correlations as a metrics × metrics table: each cell r (2 decimals) on a diverging
 * colour scale, its strength in words for screen readers, and the sample size n.
 */
export function CorrelationMatrixTable({ matrix }: { matrix: CorrelationMatrix }) {
  const metrics = matrix.metrics;
  const caption = `Correlations between metrics over ${formatCount(matrix.rows)} agent-days`;
  return (
    <div className="table-wrap teams-scroll" tabIndex={0} role="region" aria-label="Correlation matrix">
      <table className="table teams-corr">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <td />
            {metrics.map((m) => (
              <th key={m} scope="col" title={metricName(m)}>
                {metricLabel(m)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {metrics.map((y) => (
            <tr key={y}>
              <th scope="row" title={metricName(y)}>
                {metricLabel(y)}
              </th>
              {metrics.map((x) => (
                <CorrelationCellView key={x} x={x} y={y} matrix={matrix} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
