import { useState, type FormEvent } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { User } from '../api/types';
import { splitErrors } from './formErrors';
import { FormErrorAlert } from './FormErrorAlert';
import { useCreatePerson } from './hooks';
import { assignableRoles } from './permissions';
import { createBody, emptyDraft, PERSON_FIELDS, type PersonDraft } from './personForm';
import { PersonFields } from './PersonFields';

interface Props {
  viewer: User;
  onCreated: (person: User) => void;
}

/** The draft a viewer starts from: a manager's new team leader reports to them. */
function startDraft(viewer: User): PersonDraft {
  const roles = assignableRoles(viewer.role);
  const role = roles.includes('AGENT') ? 'AGENT' : (roles[0] ?? 'AGENT');
  return emptyDraft({ role, manager_id: viewer.role === 'MANAGER' ? viewer.id : '' });
}

/** "Add person": the form in a dialog; it closes only once the server has created them. */
export function AddPersonDialog({ viewer, onCreated }: Props) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PersonDraft>(() => startDraft(viewer));
  const create = useCreatePerson();
  const { byField, other } = splitErrors(create.error, PERSON_FIELDS);

  function onOpenChange(next: boolean) {
    if (create.isPending) return;
    if (next) {
      create.reset();
      setDraft(startDraft(viewer));
    }
    setOpen(next);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(createBody(draft), {
      onSuccess: (person) => {
        setOpen(false);
        onCreated(person);
      },
    });
  }

  return (
    <>
      <Button className="button button-primary" onPress={() => onOpenChange(true)}>
        Add person
      </Button>
      <ModalOverlay
        className="modal-overlay"
        isOpen={open}
        onOpenChange={onOpenChange}
        isDismissable={!create.isPending}
      >
        <Modal className="modal modal-form">
          <Dialog className="dialog">
            <Heading slot="title" className="dialog-title">
              Add person
            </Heading>
            <form className="form" noValidate onSubmit={onSubmit} aria-label="Add person">
              <p className="muted">
                They set their password from the reset mail: send it from their page once they
                are added.
              </p>
              <PersonFields
                draft={draft}
                onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
                errors={byField}
                roles={assignableRoles(viewer.role)}
              />
              {create.error && (
                <FormErrorAlert
                  title="The person was not added"
                  error={create.error}
                  other={other}
                  fieldsNote
                />
              )}
              <div className="button-row dialog-actions">
                <button type="submit" className="button button-primary" disabled={create.isPending}>
                  {create.isPending ? 'Adding…' : 'Add person'}
                </button>
                <Button
                  className="button button-secondary"
                  onPress={() => onOpenChange(false)}
                  isDisabled={create.isPending}
                >
                  Cancel
                </Button>
              </div>
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
