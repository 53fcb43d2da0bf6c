import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { User } from '../api/types';

/** An agent as the picker shows and finds it. */
export type AgentOption = Pick<User, 'id' | 'name' | 'email' | 'employee_id'>;

/** How many agents the list shows at once (type to find the others): two thumbs' reach. */
const SHOWN = 8;
/** How many of the agents written about lately are marked "Recent". */
const TAGGED = 3;

interface Props {
  agents: readonly AgentOption[];
  /** Agents the writer wrote about lately, most recent first: listed first. */
  recentIds: readonly string[];
  value: string | null;
  onChange: (id: string) => void;
  error?: string | undefined;
  /** Said instead of the list while the agents load or could not be loaded. */
  status?: ReactNode;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** Agents in the order the picker lists them: recent first, then by name. */
export function orderAgents<A extends AgentOption>(agents: readonly A[], recentIds: readonly string[]): A[] {
  const rank = (a: A) => {
    const i = recentIds.indexOf(a.id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...agents].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Agents whose name, email or employee id contains `text` (accents and case ignored). */
export function matchAgents<A extends AgentOption>(agents: readonly A[], text: string): A[] {
  const typed = fold(text.trim());
  if (!typed) return [...agents];
  return agents.filter((a) =>
    [a.name, a.email, a.employee_id ?? ''].some((field) => fold(field).includes(typed)),
  );
}

/**
 * The agent a note is about, for a thumb: big buttons, the agents written about lately first,
 * a filter to type into. Once chosen it folds to the name and a "Change" button.
 */
export function AgentChooser({ agents, recentIds, value, onChange, error, status }: Props) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const [changing, setChanging] = useState(false);
  const changeRef = useRef<HTMLButtonElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const chosen = agents.find((a) => a.id === value) ?? null;
  const ordered = useMemo(() => orderAgents(agents, recentIds), [agents, recentIds]);
  const matches = useMemo(() => matchAgents(ordered, filter), [ordered, filter]);
  const shown = matches.slice(0, SHOWN);
  const errorId = `${id}-error`;

  function choose(agent: AgentOption) {
    onChange(agent.id);
    setChanging(false);
    setFilter('');
    // The list folds away: the focus goes to what replaces it.
    requestAnimationFrame(() => changeRef.current?.focus());
  }

  const folded = chosen !== null && !changing;
  return (
    <fieldset
      className="choice-group notes-agent"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>Agent</legend>
      {folded ? (
        <div className="notes-agent-chosen">
          <span className="notes-agent-chosen-name">{chosen.name}</span>
          <button
            ref={changeRef}
            type="button"
            aria-label="Change agent"
            className="button button-secondary"
            onClick={() => {
              setChanging(true);
              requestAnimationFrame(() => filterRef.current?.focus());
            }}
          >
            Change
          </button>
        </div>
      ) : status ? (
        <div className="notes-agent-status">{status}</div>
      ) : (
        <div className="notes-agent-pick">
          <div className="field">
            <label htmlFor={`${id}-filter`}>Find an agent</label>
            <input
              ref={filterRef}
              id={`${id}-filter`}
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
            />
          </div>
          {agents.length === 0 ? (
            <p className="muted">You have no agents to write about.</p>
          ) : shown.length === 0 ? (
            <p className="muted" role="status">
              No agent matches “{filter.trim()}”.
            </p>
          ) : (
            <ul className="notes-agent-list">
              {shown.map((agent) => (
                <li key={agent.id}>
                  <button
                    type="button"
                    className="notes-agent-option"
                    aria-pressed={agent.id === value}
                    onClick={() => choose(agent)}
                  >
                    <span className="notes-agent-name">{agent.name}</span>
                    {recentIds.slice(0, TAGGED).includes(agent.id) && (
                      <span className="notes-agent-recent">Recent</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {matches.length > shown.length && (
            <p className="field-hint">
              {matches.length - shown.length} more: type part of a name to find them.
            </p>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
