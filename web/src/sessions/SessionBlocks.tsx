import type { ReactNode } from 'react';

/** A titled part of a session card (the outcome, the notes, the prep). */
export function Block({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="sessions-block">
      <h3 className="subheading">{label}</h3>
      {children}
    </div>
  );
}

/** Free text as written, or "None recorded." */
export function Text({ text }: { text: string | null }) {
  if (!text || text.trim() === '') return <p className="muted">None recorded.</p>;
  return <p className="sessions-text">{text}</p>;
}

/** A list of short texts (topics), or "None recorded." */
export function List({ items }: { items: string[] | null }) {
  if (!items || items.length === 0) return <p className="muted">None recorded.</p>;
  return (
    <ul className="sessions-topics">
      {items.map((t, i) => (
        <li key={`${i}:${t}`}>{t}</li>
      ))}
    </ul>
  );
}
