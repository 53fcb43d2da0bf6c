import { useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { DashboardCard } from '../api/types';
import { useMarkQueueRendered } from './queuePerformance';
import { QueueRow } from './QueueRow';

/** The queue table's columns (QueueTable). */
const COLUMNS = 7;
/** A row with two or three reasons on a wide screen; rows are measured once drawn. */
const ESTIMATED_ROW_HEIGHT = 96;
/** Rows drawn beyond the window on each side: Tab always finds the next agent drawn. */
const OVERSCAN = 6;

/**
 * A row's height from the ResizeObserver, which reports after the browser's own layout; when
 * a row is first drawn, the size known so far (else the estimate): asking the element then
 * (offsetHeight) would force a layout in the middle of React's commit.
 */
function rowHeight(
  element: HTMLTableRowElement,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<Window, HTMLTableRowElement>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  const key = instance.options.getItemKey(instance.indexFromElement(element));
  return instance.itemSizeCache.get(key) ?? ESTIMATED_ROW_HEIGHT;
}

/** A spacer row standing for the rows not drawn. */
function SpacerRow({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="queue-spacer">
      <td colSpan={COLUMNS} style={{ height }} />
    </tr>
  );
}

interface Props {
  /** The API's answer the cards come from (for the 'queue' measure). */
  answer: object;
  cards: readonly DashboardCard[];
}

/**
 * The rows of a large team, virtualised against the window: only the rows near the viewport
 * are drawn (a 200-agent team draws about ten), spacer rows keeping the scroll height.
 */
export function VirtualQueueBody({ answer, cards }: Props) {
  // First of the layout effects: the rows are in the document; the virtualiser's own effects
  // then read the window's size and scroll position, which lays the page out.
  useMarkQueueRendered(answer);
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  // Where the rows start on the page, read after the browser has laid it out (reading it during
  // the render's commit would force a layout of its own). Until then the list counts from the
  // top, which only draws a few rows more.
  useEffect(() => {
    const tbody = tbodyRef.current;
    if (!tbody) return;
    const measure = () => setScrollMargin(tbody.getBoundingClientRect().top + window.scrollY);
    measure();
    // The filters above can wrap onto more lines when the window narrows, or gain a button.
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [cards]);

  const virtualizer = useWindowVirtualizer({
    count: cards.length,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    getItemKey: (index) => cards[index]?.agent_id ?? index,
    measureElement: rowHeight,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first ? Math.max(0, first.start - scrollMargin) : 0;
  const paddingBottom = last ? Math.max(0, virtualizer.getTotalSize() - (last.end - scrollMargin)) : 0;

  return (
    <tbody ref={tbodyRef}>
      {paddingTop > 0 && <SpacerRow height={paddingTop} />}
      {items.map((item) => {
        const card = cards[item.index];
        if (!card) return null;
        return (
          <QueueRow
            key={item.key}
            card={card}
            index={item.index}
            measureRef={virtualizer.measureElement}
          />
        );
      })}
      {paddingBottom > 0 && <SpacerRow height={paddingBottom} />}
    </tbody>
  );
}
