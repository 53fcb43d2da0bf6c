// The chart's code (uPlot and its stylesheet) is fetched when the first chart shows, not with
// the page: the scorecard and tables above it never wait for it.
import { lazy, Suspense, type ComponentProps } from 'react';
import type { TimeSeriesChart as Chart } from './TimeSeriesChart';

const TimeSeriesChart = lazy(() =>
  import('./TimeSeriesChart').then((m) => ({ default: m.TimeSeriesChart })),
);

type Props = ComponentProps<typeof Chart>;

/** TimeSeriesChart, loaded on first use; its caption shows while the code arrives. */
export function LazyTimeSeriesChart(props: Props) {
  return (
    <Suspense
      fallback={
        <figure className="chart chart-loading" aria-busy="true">
          <figcaption className="chart-title">{props.title}</figcaption>
          <p className="loading muted" role="status">
            <span className="spinner" aria-hidden="true" />
            Loading the chart…
          </p>
        </figure>
      }
    >
      <TimeSeriesChart {...props} />
    </Suspense>
  );
}
