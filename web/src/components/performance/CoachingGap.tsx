import { cadenceText, coachingStatus, plural, type Level } from '../../format/performance';

interface Props {
  days: number | null;
  level: Level | null;
}

/**
 * Days since the last completed coaching session against the longest gap the level allows
 * (docs/domain.md): "9 days", "Due every 7 days", "Overdue by 2 days".
 */
export function CoachingGap({ days, level }: Props) {
  const status = coachingStatus(days, level);
  const cadence = cadenceText(status.gap);
  if (status.kind === 'never') {
    return (
      <span className="perf-gap">
        <span className="perf-gap-state perf-gap-overdue">Never coached</span>
        <span className="perf-gap-rule">Due {cadence}</span>
      </span>
    );
  }
  return (
    <span className="perf-gap">
      <span className="perf-gap-days">{plural(status.days, 'day')}</span>
      <span className="perf-gap-rule">Due {cadence}</span>
      {status.kind === 'overdue' ? (
        <span className="perf-gap-state perf-gap-overdue">
          Overdue by {plural(status.overdueBy, 'day')}
        </span>
      ) : (
        <span className="perf-gap-state perf-gap-ok">On time</span>
      )}
    </span>
  );
}
