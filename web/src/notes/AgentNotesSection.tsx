import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useNotes } from './hooks';
import { NotesList } from './NotesList';
import { mayWriteNotes } from './permissions';

const PAGE_SIZE = 20;

/**
 * The agent page's quick notes (team leaders, managers, admins: agents never see notes):
 * open ones first, addressed ones folded away until asked for.
 */
export function AgentNotesSection({ agentId }: { agentId: string }) {
  const me = useCurrentUser();
  const writes = mayWriteNotes(me.role);
  const open = useNotes({ agent_id: agentId, addressed: false, limit: PAGE_SIZE });
  const [showAddressed, setShowAddressed] = useState(false);
  const addressed = useNotes({ agent_id: agentId, addressed: true, limit: PAGE_SIZE }, showAddressed);
  const [now] = useState(() => Date.now());
  const openCount = open.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? 0;
  return (
    <section className="card notes-agent-section" aria-labelledby="agent-notes-heading">
      <div className="card-header">
        <h2 id="agent-notes-heading">Quick notes</h2>
        {writes && (
          <Link to={`/notes/new?agent_id=${encodeURIComponent(agentId)}`} className="button button-secondary">
            Add note
          </Link>
        )}
      </div>
      <div className="card-body stack">
        {open.isSuccess && (
          <p className="muted">
            {openCount === 0
              ? 'No open notes.'
              : `${openCount === 1 ? '1 open note' : `${openCount} open notes`}${open.hasNextPage ? ' shown' : ''}, newest first.`}
          </p>
        )}
      </div>
      <NotesList notes={open} showAgent={false} canAddress={writes} now={now} emptyText="" />
      <details
        className="notes-addressed"
        onToggle={(e) => {
          if (e.currentTarget.open) setShowAddressed(true);
        }}
      >
        <summary>Addressed notes</summary>
        {showAddressed && (
          <NotesList
            notes={addressed}
            showAgent={false}
            canAddress={false}
            now={now}
            emptyText="No addressed notes."
          />
        )}
      </details>
    </section>
  );
}
