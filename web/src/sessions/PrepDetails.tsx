// The pieces of a session's prep (docs/domain.md, "Session prep"), as the server built them:
// each component shows one part and decides nothing; the reasons and evidence are the server's
// sentences.
import type { ReactNode } from 'react';
import type { PrepArea, SessionPrep } from '../api/types';
import { humanizeEnum } from '../format/labels';
import { NoteTypeBadge, OverdueBadge, PriorityBadge } from '../notes/NoteBadges';
import { METRICS, metricLabel } from '../teams/metrics';
import { formatCalendarDate, formatDateTime, formatLongDate, formatMinutes } from './dates';
import { actionStatusLabel, methodLabel, priorityLabel } from './labels';
import { Block, List } from './SessionBlocks';

/** A prep metric's name: the scorecard's, or "Compliance" (a prep figure only). */
export function figureLabel(metric: string): string {
  return Object.hasOwn(METRICS, metric) ? metricLabel(metric) : humanizeEnum(metric.replace(/_(score|rate)$/, ''));
}

/** A figure as the prep's reasons write it: one decimal, AHT in whole seconds; "—" without. */
export function formatFigure(metric: string, value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  return metric === 'aht' ? `${Math.round(value)} s` : value.toFixed(1);
}

/** What to talk about, in order, with its minutes and why. */
export function PrepAgenda({ agenda }: { agenda: SessionPrep['agenda'] }) {
  const total = agenda.reduce((sum, item) => sum + item.minutes, 0);
  return (
    <Block label="Agenda">
      <ol className="prep-agenda">
        {agenda.map((item, i) => (
          <li key={`${i}:${item.title}`} className="prep-agenda-item">
            <span className="prep-agenda-title">{item.title}</span>
            <span className="prep-agenda-minutes">{formatMinutes(item.minutes)}</span>
            <span className="prep-agenda-reason muted">{item.reason}</span>
          </li>
        ))}
      </ol>
      <p className="muted">{formatMinutes(total)} in all.</p>
    </Block>
  );
}

function AreaList({ areas, empty }: { areas: PrepArea[]; empty: string }) {
  if (areas.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="sessions-topics">
      {areas.map((a) => (
        <li key={a.metric}>{a.reason.charAt(0).toUpperCase() + a.reason.slice(1)}</li>
      ))}
    </ul>
  );
}

/** Where the agent is clearly behind (at most two) and the one area clearly ahead. */
export function PrepAreas({ prep }: { prep: SessionPrep }) {
  return (
    <>
      <Block label="Behind">
        <AreaList areas={prep.weakest_areas} empty="Nothing clearly behind the team or the month before." />
      </Block>
      <Block label="To recognise">
        <AreaList areas={prep.strongest_areas} empty="Nothing clearly ahead of the team." />
      </Block>
    </>
  );
}

/** The agent's last 30 days against the 30 before and the team's last 30. */
export function PrepFigures({ snapshot }: { snapshot: SessionPrep['metrics_snapshot'] }) {
  return (
    <Block label="Figures">
      <div className="table-wrap">
        <table className="table prep-figures">
          <caption className="visually-hidden">
            The agent&apos;s averages of the last 30 days, of the 30 days before, and the team&apos;s
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Last 30 days</th>
              <th scope="col">30 days before</th>
              <th scope="col">Team</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.map((f) => (
              <tr key={f.metric}>
                <th scope="row">{figureLabel(f.metric)}</th>
                <td>{formatFigure(f.metric, f.agent)}</td>
                <td>{formatFigure(f.metric, f.previous)}</td>
                <td>{formatFigure(f.metric, f.team)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Block>
  );
}

/** For each issue behind: the methods measured so far, best first, with their average change, or that none are. */
export function PrepMethods({ suggested }: { suggested: SessionPrep['suggested_methods'] }) {
  if (suggested.length === 0) return null;
  return (
    <Block label="Methods and their evidence">
      {suggested.map((s) => (
        <div key={s.issue} className="prep-method">
          <p>{s.evidence}</p>
          {s.methods.length > 0 && (
            <ul className="sessions-topics">
              {s.methods.map((m) => (
                <li key={m.method}>
                  {methodLabel(m.method)}: {m.average_improvement >= 0 ? '+' : ''}
                  {m.average_improvement.toFixed(1)} % on average over {m.sessions}{' '}
                  {m.sessions === 1 ? 'session' : 'sessions'}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </Block>
  );
}

/** A titled list of rows with ids, or a sentence when there are none. */
function RowsOrNone<T extends { id: string }>({
  label,
  rows,
  none,
  render,
}: {
  label: string;
  rows: T[];
  none: string;
  render: (row: T) => ReactNode;
}) {
  return (
    <Block label={label}>
      {rows.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="prep-list">
          {rows.map((row) => (
            <li key={row.id}>{render(row)}</li>
          ))}
        </ul>
      )}
    </Block>
  );
}

/** The team leader's notes about the agent not yet addressed. */
export function PrepNotes({ notes }: { notes: SessionPrep['unaddressed_notes'] }) {
  return (
    <RowsOrNone
      label="Open notes"
      rows={notes}
      none="No open notes."
      render={(n) => (
        <>
          <span className="prep-badges">
            <NoteTypeBadge type={n.note_type} />
            <PriorityBadge priority={n.priority} />
            {n.overdue && <OverdueBadge />}
          </span>
          <span className="sessions-text">{n.content}</span>
          <span className="muted"> ({formatDateTime(n.created_at)})</span>
        </>
      )}
    />
  );
}

/** The agent's action items still open, overdue ones said so. */
export function PrepActionItems({ items }: { items: SessionPrep['action_items'] }) {
  return (
    <RowsOrNone
      label="Open action items"
      rows={items}
      none="No open action items."
      render={(item) => (
        <>
          {item.title}
          <span className="muted">
            {' '}
            (due {formatCalendarDate(item.due_date)}, {priorityLabel(item.priority).toLowerCase()} priority,{' '}
            {actionStatusLabel(item.status).toLowerCase()})
          </span>
        </>
      )}
    />
  );
}

/** The last completed session: when, its summary and what was to follow up. */
export function PrepLastSession({ last }: { last: SessionPrep['last_session'] }) {
  return (
    <Block label="Last session">
      {last === null ? (
        <p className="muted">No completed session yet.</p>
      ) : (
        <>
          <p>
            {last.date ? formatLongDate(last.date) : 'Date not recorded'}
            {last.summary && <>: {last.summary}</>}
          </p>
          {last.follow_up_topics.length > 0 && (
            <>
              <p className="muted">To follow up:</p>
              <List items={last.follow_up_topics} />
            </>
          )}
        </>
      )}
    </Block>
  );
}

function Hint({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div className="profile-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

const joined = (list: string[] | null) => (list && list.length > 0 ? list.join(', ') : null);

/** How this agent is best coached, from their coaching profile. */
export function PrepProfile({ hints }: { hints: SessionPrep['profile_hints'] }) {
  return (
    <Block label="How they learn">
      {hints === null ? (
        <p className="muted">No coaching profile yet.</p>
      ) : (
        <dl className="profile-list">
          <Hint label="Learning style" value={humanizeEnum(hints.learning_style)} />
          <Hint label="Feedback" value={hints.preferred_feedback_method} />
          <Hint label="Responds well to" value={joined(hints.responds_well_to)} />
          <Hint label="Best time" value={hints.best_coaching_time} />
          <Hint
            label="Preferred length"
            value={hints.preferred_session_length ? formatMinutes(hints.preferred_session_length) : null}
          />
          <Hint label="Strengths" value={joined(hints.core_strengths)} />
          <Hint label="To develop" value={joined(hints.development_areas)} />
        </dl>
      )}
    </Block>
  );
}
