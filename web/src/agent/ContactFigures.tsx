import type { DashboardScorecard } from '../api/types';
import { TrendLabel } from '../components/performance/TrendLabel';
import { formatAht, formatScore, formatWhole, plural } from '../format/performance';
import { addDays } from './dates';
import { useAgentMetrics } from './hooks';

interface Props {
  agentId: string;
  scorecard: DashboardScorecard;
  /** Today (the overview's as_of). */
  asOf: string;
}

/** Calls handled over the 30 days to today (the overview has no call counts: the metrics do). */
function CallsHandled({ agentId, asOf }: { agentId: string; asOf: string }) {
  const metrics = useAgentMetrics(agentId, addDays(asOf, -29), asOf);
  if (metrics.isPending) return <p className="score-value muted">…</p>;
  if (metrics.isError) return <p className="muted">Could not load: {metrics.error.message}</p>;
  const days = metrics.data.items.filter((m) => m.calls_handled !== null);
  const total = days.reduce((sum, m) => sum + (m.calls_handled ?? 0), 0);
  return (
    <>
      <p className="score-value">{formatWhole(total)}</p>
      <p className="muted">
        {days.length > 0
          ? `${formatWhole(total / days.length)} a day over ${plural(days.length, 'day')}`
          : 'No calls recorded'}
      </p>
    </>
  );
}

/** CSAT, first-contact resolution, handle time and calls handled: the last 30 days. */
export function ContactFigures({ agentId, scorecard, asOf }: Props) {
  const { avg_30d: avg, trends, latest } = scorecard;
  const figures = [
    {
      key: 'csat',
      label: 'CSAT',
      value: formatScore(avg?.csat),
      hint: 'out of 5',
      latest: formatScore(latest?.csat),
      trend: trends?.csat ?? null,
    },
    {
      key: 'fcr',
      label: 'First-contact resolution',
      value: avg?.fcr === null || avg?.fcr === undefined ? '—' : `${formatScore(avg.fcr)} %`,
      hint: null,
      latest: latest?.fcr === null || latest?.fcr === undefined ? '—' : `${formatScore(latest.fcr)} %`,
      trend: trends?.fcr ?? null,
    },
    {
      key: 'aht',
      label: 'Average handle time',
      value: formatAht(avg?.aht),
      hint: 'minutes:seconds; lower is better',
      latest: formatAht(latest?.aht),
      trend: trends?.aht ?? null,
    },
  ] as const;
  return (
    <section className="card" aria-labelledby="contact-heading">
      <div className="card-header">
        <h2 id="contact-heading">Customer contact</h2>
        <p className="muted">30-day averages</p>
      </div>
      <ul className="card-body score-tiles">
        {figures.map((f) => (
          <li key={f.key} className="score-tile">
            <h3>{f.label}</h3>
            <p className="score-value">{f.value}</p>
            {f.hint && <p className="muted score-hint">{f.hint}</p>}
            <TrendLabel trend={f.trend} of={f.label} />
            {latest && <p className="muted">Latest day {f.latest}</p>}
          </li>
        ))}
        <li className="score-tile">
          <h3>Calls handled</h3>
          <CallsHandled agentId={agentId} asOf={asOf} />
        </li>
      </ul>
    </section>
  );
}
