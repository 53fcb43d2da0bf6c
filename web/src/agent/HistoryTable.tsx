import type { HistoryEvent, HistoryRow } from '../api/types';
import { formatDay, formatScore, formatSignedPoints, plural } from '../format/performance';
import { periodName, type PeriodType } from './history';

type Avg =
  | 'avg_service_score'
  | 'avg_productivity_score'
  | 'avg_quality_score'
  | 'avg_attendance_rate'
  | 'avg_adherence_score';
type TrendKey =
  | 'service_trend'
  | 'productivity_trend'
  | 'quality_trend'
  | 'attendance_trend'
  | 'adherence_trend';

const SCORES: readonly { label: string; avg: Avg; trend: TrendKey }[] = [
  { label: 'Service', avg: 'avg_service_score', trend: 'service_trend' },
  { label: 'Productivity', avg: 'avg_productivity_score', trend: 'productivity_trend' },
  { label: 'Quality', avg: 'avg_quality_score', trend: 'quality_trend' },
  { label: 'Attendance', avg: 'avg_attendance_rate', trend: 'attendance_trend' },
  { label: 'Adherence', avg: 'avg_adherence_score', trend: 'adherence_trend' },
];

/** An average and its change on the previous period ("52.69 +0.81"). */
function ScoreCell({ value, change }: { value: number | null; change: number | null }) {
  const direction = change === null ? 'none' : change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return (
    <td className="num">
      {formatScore(value)}
      {change !== null && (
        <span className={`history-change history-change-${direction}`}>
          {' '}
          {formatSignedPoints(change)}
          <span className="visually-hidden"> on the previous period</span>
        </span>
      )}
    </td>
  );
}

const EVENT_WORDS: Record<HistoryEvent['type'], [string, string]> = {
  SESSION_COMPLETED: ['session', 'sessions'],
  PIP_STARTED: ['plan started', 'plans started'],
  PIP_ENDED: ['plan ended', 'plans ended'],
  ACTION_ITEM_COMPLETED: ['action item', 'action items'],
};

/** A period's events: counted ("3 sessions, 1 action item"), listed behind a disclosure. */
function HistoryEvents({ events }: { events: readonly HistoryEvent[] }) {
  if (events.length === 0) return <span className="muted">None</span>;
  const counts = new Map<HistoryEvent['type'], number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const summary = [...counts]
    .map(([type, n]) => {
      const [one, many] = EVENT_WORDS[type] ?? [type, type];
      return plural(n, one, many);
    })
    .join(', ');
  return (
    <details className="history-events-details">
      <summary>{summary}</summary>
      <ul>
        {events.map((e) => (
          <li key={`${e.type}-${e.id}`}>
            <span className="mono">{formatDay(e.date)}</span> {e.description}
          </li>
        ))}
      </ul>
    </details>
  );
}

interface Props {
  type: PeriodType;
  /** Latest first. */
  rows: readonly HistoryRow[];
  today: string;
  caption: string;
}

/** The periods' averages, changes, variance and events. */
export function HistoryTable({ type, rows, today, caption }: Props) {
  return (
    <div className="table-wrap history-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table history-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Days worked</th>
            <th scope="col">Composite</th>
            {SCORES.map((s) => (
              <th scope="col" key={s.label}>
                {s.label}
              </th>
            ))}
            <th scope="col">Variance</th>
            <th scope="col">Events</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const events = row.annotations?.events ?? [];
            return (
              <tr key={row.id}>
                <th scope="row">{periodName(type, row.period_ending, today)}</th>
                <td className="num">{row.days_worked ?? '—'}</td>
                <td className="num">{formatScore(row.avg_composite_score)}</td>
                {SCORES.map((s) => (
                  <ScoreCell key={s.label} value={row[s.avg]} change={row[s.trend]} />
                ))}
                <td className="num">{formatScore(row.score_variance)}</td>
                <td className="history-events">
                  <HistoryEvents events={events} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
