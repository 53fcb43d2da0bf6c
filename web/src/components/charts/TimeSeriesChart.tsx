// The app's one chart: lines over calendar days, drawn by uPlot on a canvas. Its stylesheet is
// a CSS file Vite bundles (the CSP refuses injected <style>); uPlot itself only sets styles
// through the CSS object model, which the CSP allows. Only the pages that chart import this
// module, so uPlot stays out of the entry chunk.
import { useEffect, useId, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartLineVariant = 'daily' | 'average' | 'period' | 'team';

export interface ChartLine {
  label: string;
  /** One value per x; null leaves a gap the line spans. */
  values: readonly (number | null)[];
  /**
   * daily: thin and light; average: bold; period: bold with a point per value; team: a
   * comparison (the team's average), bold, dashed and of another colour.
   */
  variant: ChartLineVariant;
}

export interface ChartAnnotation {
  /** Seconds since the epoch (the day's UTC midnight). */
  x: number;
  label: string;
}

interface Props {
  /** The chart's accessible name, shown as its caption. */
  title: string;
  /** The chart in words (its text alternative), read after the name. */
  summary: string;
  /** Seconds since the epoch of each day's UTC midnight, ascending. */
  x: readonly number[];
  /** Memoise x, lines and annotations: new arrays redraw the chart. */
  lines: readonly ChartLine[];
  /** Events marked as dashed vertical lines. */
  annotations?: readonly ChartAnnotation[];
  /** Pass a stable function (a module's): a new one redraws the chart. */
  formatValue?: (value: number) => string;
  height?: number;
  /**
   * A User Timing measure of the drawing: 'chart:start' before uPlot is built, 'chart:drawn'
   * after its first draw, and this measure between them.
   */
  measure?: string;
}

const VARIANT_COLOUR: Record<ChartLineVariant, string> = {
  daily: '--chart-daily',
  average: '--chart-average',
  period: '--chart-period',
  team: '--chart-team',
};

function cssColour(el: Element, name: string, fallback: string): string {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

const NO_ANNOTATIONS: readonly ChartAnnotation[] = [];

const utcDate = (seconds: number) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC');
const readoutDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function useColourScheme(): string {
  const [scheme, setScheme] = useState(() =>
    window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  );
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const onChange = () => setScheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return scheme;
}

function annotationPlugin(annotations: readonly ChartAnnotation[], colour: string): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        if (annotations.length === 0) return;
        const { ctx, bbox } = u;
        const ratio = window.devicePixelRatio || 1;
        ctx.save();
        ctx.strokeStyle = colour;
        ctx.fillStyle = colour;
        ctx.lineWidth = ratio;
        ctx.setLineDash([4 * ratio, 4 * ratio]);
        for (const a of annotations) {
          const cx = Math.round(u.valToPos(a.x, 'x', true));
          if (cx < bbox.left || cx > bbox.left + bbox.width) continue;
          ctx.beginPath();
          ctx.moveTo(cx, bbox.top);
          ctx.lineTo(cx, bbox.top + bbox.height);
          ctx.stroke();
          const s = 4 * ratio;
          ctx.beginPath();
          ctx.moveTo(cx, bbox.top);
          ctx.lineTo(cx + s, bbox.top + s);
          ctx.lineTo(cx, bbox.top + 2 * s);
          ctx.lineTo(cx - s, bbox.top + s);
          ctx.closePath();
          ctx.fill();
        }
        ctx.restore();
      },
    },
  };
}

/** A time-series line chart with a caption, a legend, a text alternative and a hover readout. */
export function TimeSeriesChart({
  title,
  summary,
  x,
  lines,
  annotations = NO_ANNOTATIONS,
  formatValue = String,
  height = 260,
  measure,
}: Props) {
  const id = useId();
  const plotRef = useRef<HTMLDivElement>(null);
  const [readout, setReadout] = useState<string | null>(null);
  const scheme = useColourScheme();

  useEffect(() => {
    const el = plotRef.current;
    if (!el || x.length === 0) return;
    const axis = cssColour(el, '--chart-axis', '#566173');
    const grid = cssColour(el, '--chart-grid', '#dde2e9');
    const marker = cssColour(el, '--chart-annotation', '#8f1d1d');
    const surface = cssColour(el, '--surface', '#ffffff');
    const fmt = formatValue;

    const series: uPlot.Series[] = [
      {},
      ...lines.map((line): uPlot.Series => ({
        label: line.label,
        stroke: cssColour(el, VARIANT_COLOUR[line.variant], '#1f5fbf'),
        width: line.variant === 'daily' ? 1 : 2.5,
        ...(line.variant === 'team' ? { dash: [8, 5] } : {}),
        spanGaps: true,
        points: { show: line.variant === 'period', size: 7, fill: surface },
        value: (_u, v) => (v === null ? '—' : fmt(v)),
      })),
    ];
    const opts: uPlot.Options = {
      width: Math.max(el.clientWidth, 200),
      height,
      tzDate: utcDate,
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 } },
      scales: { x: { time: true } },
      axes: [
        { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } },
        {
          stroke: axis,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          size: 56,
          values: (_u, splits) => splits.map(fmt),
        },
      ],
      series,
      plugins: [annotationPlugin(annotations, marker)],
      hooks: {
        setCursor: [
          (u) => {
            const i = u.cursor.idx;
            if (i === null || i === undefined) {
              setReadout(null);
              return;
            }
            const day = readoutDate.format(new Date((x[i] ?? 0) * 1000));
            const values = lines
              .map((line) => {
                const v = line.values[i];
                return `${line.label} ${v === null || v === undefined ? '—' : fmt(v)}`;
              })
              .join(', ');
            setReadout(`${day}: ${values}`);
          },
        ],
      },
    };

    let drawn = false;
    if (measure) {
      opts.hooks!.draw = [
        () => {
          if (drawn) return;
          drawn = true;
          performance.mark('chart:drawn');
          performance.measure(measure, 'chart:start', 'chart:drawn');
        },
      ];
      performance.clearMarks('chart:start');
      performance.clearMarks('chart:drawn');
      performance.mark('chart:start');
    }
    const data: uPlot.AlignedData = [
      x as number[],
      ...lines.map((line) => line.values as (number | null)[]),
    ];
    const plot = new uPlot(opts, data, el);

    const resize = new ResizeObserver(() => {
      const width = Math.max(el.clientWidth, 200);
      if (width !== plot.width) plot.setSize({ width, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      setReadout(null);
    };
  }, [x, lines, annotations, formatValue, height, measure, scheme]);

  const captionId = `${id}-title`;
  const summaryId = `${id}-summary`;
  return (
    <figure className="chart">
      <figcaption id={captionId} className="chart-title">
        {title}
      </figcaption>
      <ul className="chart-legend">
        {lines.map((line) => (
          <li key={line.label}>
            <span className={`chart-swatch chart-swatch-${line.variant}`} aria-hidden="true" />
            {line.label}
          </li>
        ))}
        {annotations.length > 0 && (
          <li>
            <span className="chart-swatch chart-swatch-annotation" aria-hidden="true" />
            Events
          </li>
        )}
      </ul>
      {x.length === 0 ? (
        <p className="chart-empty muted">No data in this range.</p>
      ) : (
        <div
          ref={plotRef}
          className="chart-plot"
          role="img"
          aria-labelledby={captionId}
          aria-describedby={summaryId}
        />
      )}
      <p id={summaryId} className="visually-hidden">
        {summary}
      </p>
      <p className="chart-readout muted" aria-hidden="true">
        {readout ?? ' '}
      </p>
    </figure>
  );
}
