import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { Settings, SettingsPatch } from '../api/types';
import { fakeApi, jsonResponse, type RecordedRequest } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { admin, validationError } from '../users/testing';
import { timeZoneChoices, timeZoneNames } from './timeZones';

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

async function openSettings(initial: Settings) {
  setCsrfToken('csrf-1');
  let current = initial;
  const patches: unknown[] = [];
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, admin),
    [`GET /api/v1/users/${admin.id}`]: () => jsonResponse(200, admin),
    'GET /api/v1/settings': () => jsonResponse(200, current),
    'PATCH /api/v1/settings': (req: RecordedRequest) => {
      const body = req.body as SettingsPatch;
      patches.push(body);
      if (body.time_zone === 'Mars/Olympus')
        return validationError([
          { field: 'time_zone', message: 'must be a time zone name PostgreSQL knows, such as Europe/Lisbon' },
        ]);
      current = { time_zone: body.time_zone ?? current.time_zone, updated_at: '2026-03-02T10:00:00Z', updated_by: admin.id };
      return jsonResponse(200, current);
    },
  });
  renderApp('/settings');
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  const zone = (await screen.findByRole('combobox', { name: 'Organisation time zone' })) as HTMLInputElement;
  return { ...api, patches, zone };
}

describe('settings', () => {
  it('says the zone was never changed, then saves a zone picked from the list and says who changed it', async () => {
    const { zone, patches } = await openSettings({ time_zone: 'UTC', updated_at: null, updated_by: null });
    expect(zone.value).toBe('UTC');
    expect(screen.getByText(/Never changed here/)).toBeTruthy();

    zone.focus();
    fireEvent.change(zone, { target: { value: 'Lisbon' } });
    const lisbon = await screen.findByRole('option', { name: 'Europe/Lisbon' });
    // The list is filtered by what was typed.
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Europe/Lisbon']);
    fireEvent.click(lisbon);
    await waitFor(() => expect(zone.value).toBe('Europe/Lisbon'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText("Saved: the organisation's time zone is now Europe/Lisbon.")).toBeTruthy();
    expect(patches).toEqual([{ time_zone: 'Europe/Lisbon' }]);
    expect(screen.getByText('Europe/Lisbon', { selector: 'strong' })).toBeTruthy();
    const last = await screen.findByText(/Last changed/);
    await waitFor(() => expect(last.textContent).toContain(`by ${admin.name}.`));
  });

  it("shows the server's refusal of a name next to the field and never looks saved", async () => {
    const { zone, patches } = await openSettings({
      time_zone: 'Europe/London',
      updated_at: '2026-03-01T08:00:00Z',
      updated_by: admin.id,
    });
    fireEvent.change(zone, { target: { value: 'Mars/Olympus' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(zone.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (zone.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Organisation time zone must be a time zone name PostgreSQL knows, such as Europe/Lisbon',
    );
    expect(screen.getByRole('alert').textContent).toContain('Not saved');
    expect(screen.queryByText(/Saved:/)).toBeNull();
    expect(screen.getByText('Europe/London', { selector: 'strong' })).toBeTruthy();
    expect(zone.value).toBe('Mars/Olympus');
    expect(patches).toEqual([{ time_zone: 'Mars/Olympus' }]);
  });

  it('sends nothing when the zone did not change', async () => {
    const { patches } = await openSettings({ time_zone: 'UTC', updated_at: null, updated_by: null });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Nothing to save: this is already the time zone.')).toBeTruthy();
    expect(patches).toEqual([]);
  });
});

describe('time zone list', () => {
  it('starts with UTC, lists the IANA zones, and keeps a saved zone this browser lacks', () => {
    const names = timeZoneNames();
    expect(names[0]).toBe('UTC');
    expect(names).toContain('Europe/Lisbon');
    expect(new Set(names).size).toBe(names.length);
    expect(timeZoneChoices('Etc/GMT+3')[0]).toBe('Etc/GMT+3');
    expect(timeZoneChoices('Europe/Lisbon')).toEqual(names);
  });
});
