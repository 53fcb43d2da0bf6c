// Test data for the quick-notes components.
import type { QuickNote } from '../api/types';
import { memoryStorage, Outbox, browserOutboxDeps } from './outbox';
import { replaceSharedOutbox } from './useOutbox';

let n = 0;

export function makeNote(overrides: Partial<QuickNote> = {}): QuickNote {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    agent_id: 'id-sam.patel',
    agent_name: 'Sam Patel',
    team_leader_id: 'id-jordan.reyes',
    created_by: 'id-jordan.reyes',
    note_type: 'COACHING',
    category: null,
    subcategory: null,
    content: `Note ${n}`,
    call_id: null,
    customer_id: null,
    timestamp_occurred: '2026-12-07T09:00:00Z',
    priority: 'MEDIUM',
    requires_follow_up: false,
    linked_session_id: null,
    addressed: false,
    addressed_date: null,
    addressed_notes: null,
    addressed_by: null,
    address_by: '2099-12-14T09:00:00Z',
    overdue: false,
    escalated_at: null,
    created_at: '2026-12-07T09:00:00Z',
    updated_at: '2026-12-07T09:00:00Z',
    ...overrides,
  };
}

/**
 * A fresh shared outbox for a test: the real one (API client, navigator.onLine) over memory
 * storage (or `storage`), with no retry timer.
 */
export function freshOutbox(storage = memoryStorage()): Outbox {
  const outbox = new Outbox({ ...browserOutboxDeps(), storage, retryDelayMs: () => null });
  replaceSharedOutbox(outbox);
  return outbox;
}
