import { useId, useRef, useState } from 'react';
import type { CoachingSession } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../components/FormField';
import { useAcknowledgeSession } from './hooks';

const MAX_COMMENT = 2000;
const DISPUTE_NEEDS = 'is required to dispute: say what you disagree with';

interface Props {
  session: CoachingSession;
  /** Inside a list: a lower heading level. */
  headingLevel?: 2 | 3 | 4;
  /**
   * In a list: the two buttons only; the comment field shows when a dispute needs it (or
   * "Add a comment" asks for it).
   */
  compact?: boolean;
}

/**
 * The coached agent's answer to a completed session: acknowledge it, or dispute it with a
 * comment saying why (required). Answered once; the team leader is told.
 */
export function AcknowledgeForm({ session, headingLevel = 2, compact = false }: Props) {
  const ack = useAcknowledgeSession(session.id);
  const [comment, setComment] = useState('');
  const [disputeTried, setDisputeTried] = useState(false);
  const [commenting, setCommenting] = useState(!compact);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h2';

  const localError =
    disputeTried && comment.trim() === ''
      ? DISPUTE_NEEDS
      : comment.length > MAX_COMMENT
        ? `must be at most ${MAX_COMMENT} characters`
        : null;
  const commentError = localError ?? ack.error?.fieldMessage('comment') ?? null;

  function answer(kind: 'ACKNOWLEDGED' | 'DISPUTED') {
    const text = comment.trim();
    if (kind === 'DISPUTED') {
      setDisputeTried(true);
      if (text === '') {
        setCommenting(true);
        // The field may only now be drawn: focus it once it is.
        requestAnimationFrame(() => commentRef.current?.focus());
        return;
      }
    } else {
      setDisputeTried(false);
    }
    if (comment.length > MAX_COMMENT) {
      commentRef.current?.focus();
      return;
    }
    ack.mutate({ acknowledgement: kind, ...(text !== '' ? { comment: text } : {}) });
  }

  return (
    <section className="sessions-answer-form" aria-labelledby={headingId}>
      <Heading id={headingId} className={headingLevel === 2 ? undefined : 'subheading'}>
        Your answer
      </Heading>
      {!compact && (
        <p className="muted">
          Read the summary, then acknowledge it, or dispute it and say why.{' '}
          {session.team_leader_name} is told; you answer once.
        </p>
      )}
      <form className="form" noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby={headingId}>
        {commenting && (
          <FormField label="Comment" hint="Required to dispute; optional to acknowledge." error={commentError}>
            {(control) => (
              <textarea
                {...control}
                ref={commentRef}
                rows={3}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            )}
          </FormField>
        )}
        {ack.error && !ack.error.fieldMessage('comment') && (
          <ErrorAlert title="Your answer was not recorded">
            <p>{ack.error.message}</p>
          </ErrorAlert>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            onClick={() => answer('ACKNOWLEDGED')}
            disabled={ack.isPending}
          >
            Acknowledge
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => answer('DISPUTED')}
            disabled={ack.isPending}
          >
            Dispute
          </button>
          {!commenting && (
            <button type="button" className="button button-secondary" onClick={() => setCommenting(true)}>
              Add a comment
            </button>
          )}
        </div>
        {ack.isPending && (
          <p className="muted" role="status">
            Sending your answer…
          </p>
        )}
      </form>
    </section>
  );
}
