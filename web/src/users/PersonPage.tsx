import { Link, useParams } from 'react-router';
import type { User } from '../api/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { roleLabel, statusLabel } from '../format/labels';
import { AccountCard } from './AccountCard';
import { EditPersonCard } from './EditPersonCard';
import { formatMoment } from './format';
import { usePerson } from './hooks';
import { MoveAgentCard } from './MoveAgentCard';
import { mayChangeStatus, mayDelete, mayEdit } from './permissions';
import { PersonSummary } from './PersonSummary';
import { StatusCard } from './StatusCard';

function BackToPeople() {
  return (
    <p>
      <Link to="/people">Back to People</Link>
    </p>
  );
}

/** The server answered 404: nobody here, or nobody the caller may see (it never says which). */
function PersonNotFound() {
  return (
    <>
      <PageHeader title="Person not found" description="Nobody here, or nobody you can see." />
      <BackToPeople />
    </>
  );
}

function PersonView({ person, viewer }: { person: User; viewer: User }) {
  const editable = mayEdit(viewer, person);
  return (
    <>
      <BackToPeople />
      <PageHeader
        title={person.name}
        description={`${roleLabel(person.role)} · ${statusLabel(person.status)}`}
      />
      {person.deleted_at && (
        <p className="alert alert-error">
          Deleted on {formatMoment(person.deleted_at)}: they cannot sign in and appear in no list.
        </p>
      )}
      {!editable && !person.deleted_at && (
        <p className="muted">You may see this person but not change them.</p>
      )}
      <PersonSummary person={person} />
      {editable && person.role === 'AGENT' && <MoveAgentCard agent={person} />}
      {mayChangeStatus(viewer, person) && <StatusCard person={person} />}
      {editable && <EditPersonCard person={person} viewer={viewer} />}
      {editable && <AccountCard person={person} mayDelete={mayDelete(viewer, person)} />}
      {viewer.role === 'ADMIN' && (
        <p>
          <Link to={`/audit?entity_type=users&entity_id=${encodeURIComponent(person.id)}`}>
            Changes to {person.name} in the audit log
          </Link>
        </p>
      )}
    </>
  );
}

/** /people/:id: a person's details, for ADMINs and MANAGERs (out of scope: not found). */
export function PersonPage() {
  const { id = '' } = useParams();
  const viewer = useCurrentUser();
  const person = usePerson(id);
  if (person.isPending) return <LoadingState label="Loading the person…" />;
  if (person.isError) {
    // The server answers 404 for an unknown id and for one outside the caller's scope, and 400
    // for something that is not an id at all.
    if (person.error.status === 404 || person.error.status === 400) return <PersonNotFound />;
    return (
      <ErrorAlert
        title="Could not load this person"
        action={
          <button type="button" className="button button-secondary" onClick={() => person.refetch()}>
            Try again
          </button>
        }
      >
        {person.error.message}
      </ErrorAlert>
    );
  }
  return <PersonView key={person.data.id} person={person.data} viewer={viewer} />;
}
