import { lazy, Suspense } from 'react';
import type { DashboardCard } from '../api/types';
import { DEFAULT_DIRECTION, type SortDirection, type SortKey } from './queueModel';
import { useMarkQueueRendered } from './queuePerformance';
import { QueueRow } from './QueueRow';
import type { VirtualQueueBody as VirtualQueueBodyType } from './VirtualQueueBody';

/** A team up to this size is drawn whole; a larger one is virtualised (VirtualQueueBody). */
export const DRAW_ALL_UP_TO = 60;
const COLUMNS = 7;

// The virtualised body (@tanstack/react-virtual) is not part of the page's first load (a team
// leader has 8-20 agents): it is fetched as this module loads, alongside the team's data, never
// holding up the first paint, so a large team finds it there when the data arrives.
type VirtualModule = { VirtualQueueBody: typeof VirtualQueueBodyType };
let virtualModule: VirtualModule | null = null;
let virtualLoad: Promise<VirtualModule> | null = null;

function loadVirtualQueueBody(): Promise<VirtualModule> {
  virtualLoad ??= import('./VirtualQueueBody').then((m) => (virtualModule = m));
  return virtualLoad;
}

function preloadVirtualQueueBody(): void {
  loadVirtualQueueBody().catch(() => {
    virtualLoad = null; // tried again when a large team renders
  });
}
preloadVirtualQueueBody();

const LazyVirtualQueueBody = lazy(() =>
  loadVirtualQueueBody().then((m) => ({ default: m.VirtualQueueBody })),
);

interface Props {
  /** The API's answer the cards come from (its arrival is what the 'queue' measure times). */
  answer: object;
  cards: readonly DashboardCard[];
  sort: SortKey;
  direction: SortDirection;
  onSort: (sort: SortKey, direction: SortDirection) => void;
  caption: string;
}

interface HeaderProps {
  label: string;
  /** A column of numbers: its header aligns right with them. */
  numeric?: boolean;
  column: SortKey;
  sort: SortKey;
  direction: SortDirection;
  onSort: Props['onSort'];
}

/** A column header that sorts by its column (again: the other way round). */
function SortableHeader({ label, numeric, column, sort, direction, onSort }: HeaderProps) {
  const active = sort === column;
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const next: SortDirection = active
    ? direction === 'asc'
      ? 'desc'
      : 'asc'
    : DEFAULT_DIRECTION[column];
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column, next)}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** Every row, for a team of up to DRAW_ALL_UP_TO agents. */
function PlainQueueBody({ answer, cards }: { answer: object; cards: readonly DashboardCard[] }) {
  useMarkQueueRendered(answer);
  return (
    <tbody>
      {cards.map((card, index) => (
        <QueueRow key={card.agent_id} card={card} index={index} />
      ))}
    </tbody>
  );
}

function Loading() {
  return (
    <tbody>
      <tr>
        <td colSpan={COLUMNS}>
          <span className="muted">Loading the list…</span>
        </td>
      </tr>
    </tbody>
  );
}

/**
 * The queue as a table (fixed column widths: the browser lays the rows out without measuring
 * every cell first). A large team's rows are virtualised against the window; aria-rowcount
 * and aria-rowindex tell assistive technology the real size either way.
 */
export function QueueTable({ answer, cards, sort, direction, onSort, caption }: Props) {
  const header = { sort, direction, onSort };
  return (
    <div className="table-wrap">
      <table className="table queue-table" aria-rowcount={cards.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col className="queue-col-agent" />
          <col className="queue-col-urgency" />
          <col className="queue-col-reasons" />
          <col className="queue-col-level" />
          <col className="queue-col-trend" />
          <col className="queue-col-gap" />
          <col className="queue-col-composite" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <SortableHeader label="Agent" column="name" {...header} />
            <SortableHeader label="Urgency" column="urgency" {...header} />
            <th scope="col">Reasons</th>
            <th scope="col">Level</th>
            <th scope="col">Composite trend</th>
            <SortableHeader label="Since coaching" column="days" {...header} />
            <SortableHeader label="Composite" column="composite" numeric {...header} />
          </tr>
        </thead>
        {cards.length <= DRAW_ALL_UP_TO ? (
          <PlainQueueBody answer={answer} cards={cards} />
        ) : virtualModule ? (
          <virtualModule.VirtualQueueBody answer={answer} cards={cards} />
        ) : (
          <Suspense fallback={<Loading />}>
            <LazyVirtualQueueBody answer={answer} cards={cards} />
          </Suspense>
        )}
      </table>
    </div>
  );
}
