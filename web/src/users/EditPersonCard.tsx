import { useState, type FormEvent } from 'react';
import type { User } from '../api/types';
import { splitErrors } from './formErrors';
import { FormErrorAlert } from './FormErrorAlert';
import { useUpdatePerson } from './hooks';
import { assignableRoles } from './permissions';
import { draftFromUser, isEmptyPatch, patchBody, PERSON_FIELDS, type PersonDraft } from './personForm';
import { PersonFields } from './PersonFields';

interface Props {
  person: User;
  viewer: User;
}

/** The person's details as a form; "Save changes" sends only the fields that changed. */
export function EditPersonCard({ person, viewer }: Props) {
  const update = useUpdatePerson(person.id);
  const [draft, setDraft] = useState<PersonDraft>(() => draftFromUser(person));
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  // A newer version of the person (saved here or elsewhere) is what the form starts from.
  const [base, setBase] = useState(person.updated_at);
  if (person.updated_at !== base) {
    setBase(person.updated_at);
    setDraft(draftFromUser(person));
  }
  const { byField, other } = splitErrors(update.error, PERSON_FIELDS);
  // Nobody changes their own role here (it could lock them out of this page).
  const roles = person.id === viewer.id ? [] : assignableRoles(viewer.role);

  function onChange(change: Partial<PersonDraft>) {
    setOutcome(null);
    setDraft((d) => {
      const next = { ...d, ...change };
      // A manager's team leader reports to them.
      if (change.role === 'TEAM_LEADER' && viewer.role === 'MANAGER' && !next.manager_id)
        next.manager_id = viewer.id;
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch = patchBody(person, draft);
    if (isEmptyPatch(patch)) {
      update.reset();
      setOutcome('unchanged');
      return;
    }
    setOutcome(null);
    update.mutate(patch, { onSuccess: () => setOutcome('saved') });
  }

  return (
    <section className="card" aria-labelledby="person-edit-heading">
      <div className="card-header">
        <h2 id="person-edit-heading">Details</h2>
      </div>
      <form className="form card-body person-form" noValidate onSubmit={onSubmit} aria-labelledby="person-edit-heading">
        <PersonFields
          draft={draft}
          onChange={onChange}
          errors={byField}
          roles={roles}
          person={person}
        />
        {update.error && (
          <FormErrorAlert title="Not saved" error={update.error} other={other} fieldsNote />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
          <p role="status" className="form-outcome">
            {outcome === 'saved' && !update.isPending && 'Saved.'}
            {outcome === 'unchanged' && 'Nothing to save: no field was changed.'}
          </p>
        </div>
      </form>
    </section>
  );
}
