import type { DashboardPercentileRanking, DashboardScorecard } from '../api/types';
import { CoachingGap } from '../components/performance/CoachingGap';
import { LevelBadge } from '../components/performance/LevelBadge';
import { TrendLabel } from '../components/performance/TrendLabel';
import { formatDay, formatScore } from '../format/performance';

type ScoreKey =
  | 'service_score'
  | 'productivity_score'
  | 'quality_score'
  | 'attendance_rate'
  | 'adherence_score';
type PercentileKey = keyof DashboardPercentileRanking;

const SCORES: readonly { key: ScoreKey; label: string; percentile: PercentileKey }[] = [
  { key: 'service_score', label: 'Service', percentile: 'service' },
  { key: 'productivity_score', label: 'Productivity', percentile: 'productivity' },
  { key: 'quality_score', label: 'Quality', percentile: 'quality' },
  { key: 'attendance_rate', label: 'Attendance', percentile: 'attendance' },
  { key: 'adherence_score', label: 'Adherence', percentile: 'adherence' },
];

interface Props {
  scorecard: DashboardScorecard;
  /** Present only for agents who opted in to peer comparison. */
  percentiles: DashboardPercentileRanking | null;
  /** The last day of the 30 days the percentiles rank (null before the first ranking). */
  percentilesAsOf: string | null;
}

function Percentile({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return null;
  return (
    <p className="score-percentile">
      Percentile {value}
      <span className="visually-hidden"> among active agents</span>
    </p>
  );
}

/** The five scores and the composite (30-day averages), level, trends and coaching cadence. */
export function Scorecard({ scorecard, percentiles, percentilesAsOf }: Props) {
  const { avg_30d: avg, trends, latest } = scorecard;
  return (
    <section className="card scorecard" aria-labelledby="scorecard-heading">
      <div className="card-header">
        <h2 id="scorecard-heading">Scorecard</h2>
        <p className="muted">
          {scorecard.snapshot_as_of
            ? `30-day averages as of ${formatDay(scorecard.snapshot_as_of)}`
            : 'No figures yet'}
          {percentiles && percentilesAsOf && ` · percentiles as of ${formatDay(percentilesAsOf)}`}
        </p>
      </div>
      <div className="card-body scorecard-body">
        <div className="scorecard-summary">
          <div className="score-tile score-tile-composite">
            <h3>Composite</h3>
            <p className="score-value score-value-large">{formatScore(avg?.composite_score)}</p>
            <TrendLabel trend={trends?.composite_score ?? null} of="Composite" />
            <Percentile value={percentiles?.composite} />
          </div>
          <dl className="scorecard-facts">
            <div>
              <dt>Level</dt>
              <dd>
                <LevelBadge level={scorecard.performance_level} />
              </dd>
            </div>
            <div>
              <dt>Since last coaching</dt>
              <dd>
                <CoachingGap
                  days={scorecard.days_since_last_coaching}
                  level={scorecard.performance_level}
                />
              </dd>
            </div>
            <div>
              <dt>Days with data</dt>
              <dd>{avg ? `${avg.days_with_data} of the last 30` : '—'}</dd>
            </div>
            <div>
              <dt>Latest day</dt>
              <dd>{latest ? formatDay(latest.metric_date) : 'None yet'}</dd>
            </div>
          </dl>
        </div>
        {avg === null && (
          <p className="muted">
            No metrics in the last 30 days: the scores appear once a day of metrics arrives.
          </p>
        )}
        <ul className="score-tiles" aria-label="Scores, 30-day averages">
          {SCORES.map(({ key, label, percentile }) => (
            <li key={key} className="score-tile">
              <h3>{label}</h3>
              <p className="score-value">{formatScore(avg?.[key])}</p>
              <TrendLabel trend={trends?.[key] ?? null} of={label} />
              {latest && (
                <p className="muted">
                  Latest day <span className="score-latest">{formatScore(latest[key])}</span>
                </p>
              )}
              <Percentile value={percentiles?.[percentile]} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
