import { useLayoutEffect } from 'react';

// User Timing marks of the priority queue, read by the e2e tests (web/e2e/team-leader.spec.ts):
// 'queue:data' when the team's data has arrived, 'queue:rendered' once its rows are in the
// document (a layout effect, before the browser paints), and the measure 'queue' between them.

// The answers that arrived and have not been rendered yet. An answer equal to the one shown is
// replaced by the one shown (structural sharing), never renders, and is forgotten here.
const arrived = new WeakSet<object>();

export function markQueueData(data: object): void {
  performance.clearMarks('queue:data');
  performance.mark('queue:data');
  arrived.add(data);
}

/** Called from a layout effect once `data`'s rows rendered; measures once per arrival. */
export function markQueueRendered(data: object): void {
  if (!arrived.has(data)) return;
  arrived.delete(data);
  performance.clearMarks('queue:rendered');
  performance.mark('queue:rendered');
  performance.measure('queue', 'queue:data', 'queue:rendered');
}

/** In the component that draws the rows: marks their first render for this answer. */
export function useMarkQueueRendered(answer: object): void {
  useLayoutEffect(() => markQueueRendered(answer), [answer]);
}
