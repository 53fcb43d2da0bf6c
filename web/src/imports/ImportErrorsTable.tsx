import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ImportErrorRow } from '../api/types';

/** Up to this many rows the table is plain; longer lists render only the rows in view. */
export const VIRTUALIZE_ABOVE = 200;
const ROW_HEIGHT = 41;

interface Props {
  errors: readonly ImportErrorRow[];
  /** The errors before filtering, for aria-rowcount and the caption. */
  caption: string;
}

function Cells({ e }: { e: ImportErrorRow }) {
  return (
    <>
      <td className="mono">{e.row ?? <span className="muted">File</span>}</td>
      <td>{e.column ?? <span className="muted">Whole row</span>}</td>
      <td className="mono import-error-value">
        {e.value === '' ? <span className="muted">(empty)</span> : e.value}
      </td>
      <td className="import-error-message">{e.error}</td>
    </>
  );
}

function Head() {
  return (
    <thead>
      <tr aria-rowindex={1}>
        <th scope="col">Row</th>
        <th scope="col">Column</th>
        <th scope="col">Value</th>
        <th scope="col">Error</th>
      </tr>
    </thead>
  );
}

/** The error list as a table: row, column, value, message. */
export function ImportErrorsTable({ errors, caption }: Props) {
  if (errors.length > VIRTUALIZE_ABOVE) return <VirtualErrorsTable errors={errors} caption={caption} />;
  return (
    <div className="table-wrap">
      <table className="table import-errors-table">
        <caption className="visually-hidden">{caption}</caption>
        <Head />
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <Cells e={e} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A long error list: a scrolling box (keyboard-scrollable, it takes the focus) in which only
 * the rows in view are in the page; spacer rows keep the scroll height, aria-rowcount and
 * aria-rowindex tell assistive technology where each row is.
 */
function VirtualErrorsTable({ errors, caption }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read here only
  const virtualizer = useVirtualizer({
    count: errors.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div
      ref={scrollRef}
      className="table-wrap import-errors-scroll"
      tabIndex={0}
      role="region"
      aria-label={`${caption} (scrolls)`}
    >
      <table className="table import-errors-table" aria-rowcount={errors.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <Head />
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={4} style={{ height: top }} />
            </tr>
          )}
          {items.map((item) => {
            const e = errors[item.index];
            if (!e) return null;
            return (
              <tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
              >
                <Cells e={e} />
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" className="spacer-row">
              <td colSpan={4} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
