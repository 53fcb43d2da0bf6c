import { memo, type Ref } from 'react';
import { Link } from 'react-router';
import type { DashboardCard } from '../api/types';
import { CoachingGap } from '../components/performance/CoachingGap';
import { LevelBadge } from '../components/performance/LevelBadge';
import { TrendLabel } from '../components/performance/TrendLabel';
import { StatusBadge } from '../components/StatusBadge';
import { formatScore } from '../format/performance';
import { compositeOf, compositeTrendOf } from './queueModel';
import { UrgencyMeter } from './UrgencyMeter';

interface Props {
  card: DashboardCard;
  /** Position in the filtered list (0-based), for the virtualiser and aria-rowindex. */
  index: number;
  measureRef?: Ref<HTMLTableRowElement>;
}

/** One agent of the priority queue (memoised: the virtualiser re-renders the table often). */
export const QueueRow = memo(function QueueRow({ card, index, measureRef }: Props) {
  return (
    <tr ref={measureRef} data-index={index} aria-rowindex={index + 2} className="queue-row">
      <th scope="row" className="queue-agent">
        <Link to={`/agents/${encodeURIComponent(card.agent_id)}`}>{card.name}</Link>
        <span className="queue-agent-sub">
          {card.employee_id && <span className="mono">{card.employee_id}</span>}
          {card.status !== 'ACTIVE' && <StatusBadge status={card.status} />}
        </span>
        <Link className="queue-schedule" to={`/sessions/new?agent_id=${encodeURIComponent(card.agent_id)}`}>
          Schedule session <span className="visually-hidden">with {card.name}</span>
        </Link>
      </th>
      <td>
        <UrgencyMeter score={card.urgency_score} />
      </td>
      <td className="queue-reasons">
        {card.urgency_reasons.length === 0 ? (
          <span className="muted">Nothing pressing</span>
        ) : (
          <ul>
            {card.urgency_reasons.map((reason) => (
              <li key={reason.code}>
                {reason.text}{' '}
                <span className="muted queue-points">
                  +{reason.points}
                  <span className="visually-hidden"> points</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <LevelBadge level={card.performance_level} />
      </td>
      <td>
        <TrendLabel trend={compositeTrendOf(card)} />
      </td>
      <td>
        <CoachingGap days={card.days_since_last_coaching} level={card.performance_level} />
      </td>
      <td className="num">{formatScore(compositeOf(card))}</td>
    </tr>
  );
});
