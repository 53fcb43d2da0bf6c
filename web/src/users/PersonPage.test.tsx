import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { User, UserPatch } from '../api/types';
import { apiError, fakeApi, jsonResponse, type RecordedRequest } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { admin, agent, EVERYONE, leaderA, leaderB, manager, onLeave, usersList, validationError } from './testing';

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

/** A fake server holding `person`: GET answers it, PATCH applies the body (or `refuse` answers). */
async function openPerson(
  viewer: User,
  person: User,
  options: { refuse?: (body: UserPatch) => Response | null; routes?: Parameters<typeof fakeApi>[0] } = {},
) {
  setCsrfToken('csrf-1');
  let current = person;
  const patches: unknown[] = [];
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, viewer),
    'GET /api/v1/users': usersList(() => EVERYONE),
    ...Object.fromEntries(
      EVERYONE.filter((p) => p.id !== person.id).map((p) => [`GET /api/v1/users/${p.id}`, () => jsonResponse(200, p)]),
    ),
    [`GET /api/v1/users/${person.id}`]: () => jsonResponse(200, current),
    [`PATCH /api/v1/users/${person.id}`]: (req: RecordedRequest) => {
      const body = req.body as UserPatch;
      patches.push(body);
      const refusal = options.refuse?.(body);
      if (refusal) return refusal;
      current = { ...current, ...body, updated_at: `2026-03-0${patches.length}T10:00:00Z` } as User;
      return jsonResponse(200, current);
    },
    ...options.routes,
  });
  const app = renderApp(`/people/${person.id}`);
  await screen.findByRole('heading', { level: 1, name: person.name });
  return { ...api, ...app, patches };
}

function card(name: string) {
  return screen.getByRole('region', { name });
}

describe('person page', () => {
  it('says "not found" when the server answers 404 (unknown, or out of scope)', async () => {
    setCsrfToken('csrf-1');
    fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, manager),
      'GET /api/v1/users/u-elsewhere': () => apiError(404, 'not_found', 'Not found.'),
    });
    renderApp('/people/u-elsewhere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Person not found' })).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('sends only the changed fields, shows field errors next to them and never looks saved when refused', async () => {
    const { patches } = await openPerson(admin, agent, {
      refuse: (body) =>
        body.phone === '12' ? validationError([{ field: 'phone', message: 'must not be that short' }]) : null,
    });
    const details = card('Details');
    fireEvent.change(within(details).getByLabelText('Name'), { target: { value: 'Chloe A. Mensah' } });
    fireEvent.change(within(details).getByLabelText('Phone'), { target: { value: '12' } });
    fireEvent.click(within(details).getByRole('button', { name: 'Save changes' }));

    const phone = within(details).getByLabelText('Phone');
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    const errorId = (phone.getAttribute('aria-describedby') ?? '').split(' ').pop() ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe('Phone must not be that short');
    expect(within(details).getByRole('alert').textContent).toContain('Not saved');
    expect(within(details).queryByText('Saved.')).toBeNull();
    expect((within(details).getByLabelText('Name') as HTMLInputElement).value).toBe('Chloe A. Mensah');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Chloe Mensah');

    fireEvent.change(phone, { target: { value: '' } });
    fireEvent.click(within(details).getByRole('button', { name: 'Save changes' }));
    expect(await within(details).findByText('Saved.')).toBeTruthy();
    expect(patches).toEqual([
      { name: 'Chloe A. Mensah', phone: '12' },
      { name: 'Chloe A. Mensah', phone: null },
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Chloe A. Mensah');
    expect(within(details).queryByRole('alert')).toBeNull();

    // Nothing changed: nothing is sent.
    fireEvent.click(within(details).getByRole('button', { name: 'Save changes' }));
    expect(await within(details).findByText('Nothing to save: no field was changed.')).toBeTruthy();
    expect(patches).toHaveLength(2);
  });

  it('moves an agent to another team leader chosen in a combo box', async () => {
    const { patches } = await openPerson(admin, agent);
    const team = card('Team');
    await within(team).findByText('Chloe Mensah is in the team of Grace Okafor.');
    const picker = within(team).getByRole('combobox', { name: 'Move to another team leader' });
    picker.focus();
    fireEvent.change(picker, { target: { value: 'tar' } });
    const listbox = await screen.findByRole('listbox');
    // The current team leader is not offered.
    expect(within(listbox).queryByText('Grace Okafor')).toBeNull();
    fireEvent.click(within(listbox).getByRole('option', { name: /Tariq Haddad/ }));
    await waitFor(() => expect((picker as HTMLInputElement).value).toBe('Tariq Haddad'));
    fireEvent.click(within(team).getByRole('button', { name: 'Move' }));
    expect(await within(team).findByText('Moved to the team of Tariq Haddad.')).toBeTruthy();
    expect(patches).toEqual([{ team_leader_id: leaderB.id }]);
    await within(team).findByText('Chloe Mensah is in the team of Tariq Haddad.');
  });

  it('asks for a team leader before moving, and shows the server refusal', async () => {
    const { patches } = await openPerson(manager, agent, {
      refuse: () => apiError(403, 'forbidden', 'You may not give this user that role or place in the hierarchy.'),
    });
    const team = card('Team');
    fireEvent.click(within(team).getByRole('button', { name: 'Move' }));
    const picker = within(team).getByRole('combobox', { name: 'Move to another team leader' });
    await waitFor(() => expect(picker.getAttribute('aria-invalid')).toBe('true'));
    expect(within(team).getByText('Choose the team leader to move them to.').className).toBe('field-error');
    expect(patches).toEqual([]);
    picker.focus();
    fireEvent.change(picker, { target: { value: 'Tariq' } });
    fireEvent.click(await screen.findByRole('option', { name: /Tariq Haddad/ }));
    fireEvent.click(within(team).getByRole('button', { name: 'Move' }));
    expect((await within(team).findByRole('alert')).textContent).toContain(
      'You may not give this user that role or place in the hierarchy.',
    );
    expect(within(team).queryByText(/Moved to/)).toBeNull();
  });

  it('deactivates after a confirmation, and reactivates', async () => {
    const { patches } = await openPerson(admin, agent);
    const status = card('Status');
    fireEvent.click(within(status).getByRole('button', { name: 'Deactivate…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Chloe Mensah?' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /Terminated/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    expect(await within(status).findByText('Chloe Mensah is now terminated.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(status).getByText('Terminated')).toBeTruthy();

    fireEvent.click(within(status).getByRole('button', { name: 'Reactivate' }));
    expect(await within(status).findByText('Chloe Mensah is active again.')).toBeTruthy();
    expect(patches).toEqual([{ status: 'TERMINATED' }, { status: 'ACTIVE' }]);
  });

  it('sends a password reset to the person and says a mail goes out', async () => {
    const { requests } = await openPerson(admin, onLeave, {
      routes: {
        'POST /api/v1/auth/password-reset': () =>
          jsonResponse(202, { message: 'If the address belongs to an account, a reset link is on its way.' }),
      },
    });
    const account = card('Account');
    fireEvent.click(within(account).getByRole('button', { name: 'Send password reset' }));
    expect(
      await within(account).findByText(`A password reset mail is on its way to ${onLeave.email}; its link works for one hour.`),
    ).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ email: onLeave.email });
  });

  it('shows the 409 of a delete while people report to them, and deletes otherwise', async () => {
    let reports = 2;
    const { router } = await openPerson(admin, leaderA, {
      routes: {
        [`DELETE /api/v1/users/${leaderA.id}`]: () =>
          reports > 0
            ? apiError(409, 'conflict', `${reports} people report to this user; reassign them first.`)
            : new Response(null, { status: 204 }),
      },
    });
    const account = card('Account');
    fireEvent.click(within(account).getByRole('button', { name: 'Delete…' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete Grace Okafor?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      '2 people report to this user; reassign them first.',
    );
    expect(currentPath(router)).toBe(`/people/${leaderA.id}`);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    reports = 0;
    fireEvent.click(within(account).getByRole('button', { name: 'Delete…' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Delete Grace Okafor?' });
    expect(within(dialog).queryByRole('alert')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Grace Okafor was deleted.')).toBeTruthy();
    expect(currentPath(router)).toBe('/people');
  });

  it('offers a manager no delete, and nothing at all on their own page', async () => {
    await openPerson(manager, agent);
    expect(card('Account')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete…' })).toBeNull();
    cleanup();

    await openPerson(manager, manager);
    expect(screen.getByText('You may see this person but not change them.')).toBeTruthy();
    for (const name of ['Details', 'Status', 'Account', 'Team'])
      expect(screen.queryByRole('region', { name })).toBeNull();
    expect(screen.getByRole('region', { name: 'Summary' })).toBeTruthy();
  });
});
