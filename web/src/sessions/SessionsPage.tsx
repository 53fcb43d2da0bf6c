import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays } from '../agent/dates';
import { SegmentedControl } from '../agent/SegmentedControl';
import type { SessionStatus } from '../api/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../components/FormField';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { formatCalendarDate, parseWeek, thisMonday, weekDays, weekRange } from './dates';
import { useWeekSessions } from './hooks';
import { isSessionStatus, SESSION_STATUSES, sessionStatusLabel } from './labels';
import { useMediaQuery } from './useMediaQuery';
import { WeekGrid, WeekList } from './WeekViews';

type View = 'list' | 'grid';
const VIEWS = [
  { value: 'list', label: 'List' },
  { value: 'grid', label: 'Calendar' },
] as const;

/** The address's week, view and status filter, with defaults. */
function useWeekQuery() {
  const [params, setParams] = useSearchParams();
  const monday = parseWeek(params.get('week')) ?? thisMonday();
  const view: View = params.get('view') === 'grid' ? 'grid' : 'list';
  const rawStatus = params.get('status');
  const status: SessionStatus | null = isSessionStatus(rawStatus) ? rawStatus : null;

  function paramsFor(change: { week?: string | null; view?: View; status?: SessionStatus | null }) {
    const next = new URLSearchParams(params);
    const set = (key: string, value: string | null | undefined) => {
      if (value === undefined) return;
      if (value === null) next.delete(key);
      else next.set(key, value);
    };
    set('week', change.week);
    if (change.view !== undefined) set('view', change.view === 'list' ? null : change.view);
    set('status', change.status);
    return next;
  }

  const hrefFor = (change: Parameters<typeof paramsFor>[0]) => {
    const query = paramsFor(change).toString();
    return query ? `/sessions?${query}` : '/sessions';
  };
  const update = (change: Parameters<typeof paramsFor>[0]) =>
    setParams(paramsFor(change), { replace: true });
  return { monday, view, status, hrefFor, update };
}

function WeekNav({ monday, hrefFor }: { monday: string; hrefFor: (c: { week: string | null }) => string }) {
  const current = thisMonday();
  return (
    <nav className="sessions-week-nav" aria-label="Weeks">
      <Link className="button button-secondary" to={hrefFor({ week: addDays(monday, -7) })}>
        <span aria-hidden="true">← </span>Previous week
      </Link>
      <Link
        className="button button-secondary"
        to={hrefFor({ week: null })}
        aria-current={monday === current ? 'page' : undefined}
      >
        This week
      </Link>
      <Link className="button button-secondary" to={hrefFor({ week: addDays(monday, 7) })}>
        Next week<span aria-hidden="true"> →</span>
      </Link>
    </nav>
  );
}

/** /sessions: a week of coaching sessions (team leaders: theirs; managers: their teams'; admins: all). */
export function SessionsPage() {
  const me = useCurrentUser();
  const { monday, view, status, hrefFor, update } = useWeekQuery();
  const days = useMemo(() => weekDays(monday), [monday]);
  const { from, to } = useMemo(() => weekRange(monday), [monday]);
  const week = useWeekSessions(from, to, status);
  const phone = useMediaQuery('(max-width: 48rem)');
  const showLeader = me.role !== 'TEAM_LEADER';
  const weekTitle = `Week of ${formatCalendarDate(monday)} to ${formatCalendarDate(addDays(monday, 6))}`;

  let body;
  if (week.isPending) body = <LoadingState label="Loading the week…" />;
  else if (week.isError)
    body = (
      <ErrorAlert
        title="Could not load the sessions"
        action={
          <button type="button" className="button button-secondary" onClick={() => void week.refetch()}>
            Try again
          </button>
        }
      >
        <p>{week.error.message}</p>
      </ErrorAlert>
    );
  else if (week.data.length === 0)
    body = (
      <p className="sessions-empty">
        {status
          ? `No ${sessionStatusLabel(status).toLowerCase()} sessions this week.`
          : 'No sessions this week.'}{' '}
        <Link to="/sessions/new">Schedule one</Link>.
      </p>
    );
  else if (view === 'grid' && !phone)
    body = <WeekGrid sessions={week.data} days={days} showLeader={showLeader} />;
  else body = <WeekList sessions={week.data} days={days} showLeader={showLeader} />;

  const count = week.data ? `${week.data.length} session${week.data.length === 1 ? '' : 's'}` : '';
  return (
    <>
      <div className="page-heading-row">
        <PageHeader
          title="Sessions"
          description={
            me.role === 'TEAM_LEADER'
              ? 'Your coaching sessions, a week at a time.'
              : 'Coaching sessions of the teams you can see, a week at a time.'
          }
        />
        <Link className="button button-primary" to="/sessions/new">
          Schedule a session
        </Link>
      </div>
      <section className="card" aria-labelledby="week-heading" aria-busy={week.isFetching}>
        <div className="card-header card-header-wrap">
          <h2 id="week-heading">{weekTitle}</h2>
          {count && (
            <p className="muted" role="status">
              {count}
            </p>
          )}
        </div>
        <div className="card-body stack">
          <div className="sessions-toolbar">
            <WeekNav monday={monday} hrefFor={hrefFor} />
            <FormField label="Status">
              {(control) => (
                <select
                  {...control}
                  value={status ?? ''}
                  onChange={(e) => update({ status: isSessionStatus(e.target.value) ? e.target.value : null })}
                >
                  <option value="">All statuses</option>
                  {SESSION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {sessionStatusLabel(s)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <SegmentedControl<View>
              label="Show as"
              options={VIEWS}
              value={view}
              onChange={(v) => update({ view: v })}
            />
          </div>
          {view === 'grid' && phone && (
            <p className="muted">On a narrow screen the calendar shows as a list.</p>
          )}
          {body}
        </div>
      </section>
    </>
  );
}
