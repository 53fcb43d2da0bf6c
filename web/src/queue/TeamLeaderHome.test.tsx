import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { card } from './testCards';

const ME = makeUser({ name: 'Jordan Blake', role: 'TEAM_LEADER', id: 'tl-jordan' });

const AGENTS = [
  card({
    name: 'Bianca Schmidt',
    urgency: 90,
    level: 'CRITICAL',
    composite: 53.33,
    days: 6,
    reasons: [
      { code: 'LOW_PERFORMANCE', text: '30-day composite 53.33 (CRITICAL)', points: 40 },
      { code: 'OVERDUE_COACHING', text: '6 days since last coaching (CRITICAL: every day)', points: 30 },
      { code: 'HIGH_NOTES', text: '4 unaddressed high-priority notes', points: 20 },
    ],
  }),
  card({ name: 'Hana Ferreira', urgency: 67, level: 'FAIR', composite: 74.54, trend: 'DECLINING', days: 20 }),
  card({ name: 'Vera Fischer', urgency: 2, level: 'EXCELLENT', composite: 91.53, trend: 'IMPROVING', days: 2 }),
];

function openHome(agents = AGENTS, status = 200) {
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, ME),
    'GET /api/v1/dashboard': () =>
      status === 200
        ? jsonResponse(200, {
            role: 'TEAM_LEADER',
            team_leader: { id: ME.id, name: ME.name },
            as_of: '2026-12-06',
            agents,
          })
        : apiError(status, 'unavailable', 'The database is unavailable.'),
  });
  const app = renderApp('/');
  return { ...api, ...app };
}

function bodyRows() {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .filter((r) => r.querySelector('th[scope="row"]'));
}

afterEach(cleanup);

describe('team leader home: the priority queue', () => {
  it('lists the agents most urgent first with urgency, reasons, level, trend and coaching gap', async () => {
    openHome();
    await screen.findByRole('heading', { level: 1, name: 'Priority queue' });
    await screen.findByRole('table');
    const rows = bodyRows();
    expect(rows).toHaveLength(3);
    const top = within(rows[0]!);
    expect(top.getByRole('link', { name: 'Bianca Schmidt' }).getAttribute('href')).toBe(
      '/agents/id-bianca-schmidt',
    );
    expect(top.getByText('90').textContent).toBe('90 out of 100');
    expect(top.getByText('30-day composite 53.33 (CRITICAL)')).toBeTruthy();
    expect(top.getByText('4 unaddressed high-priority notes')).toBeTruthy();
    expect(top.getByText('Critical')).toBeTruthy();
    expect(top.getByText('Overdue by 5 days')).toBeTruthy();
    expect(top.getByText('53.33')).toBeTruthy();
    const hana = within(rows[1]!);
    expect(hana.getByText('Declining')).toBeTruthy();
    expect(hana.getByText('Nothing pressing')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Showing 3 of 3 agents');
  });

  it('filters by level, trend and name, keeping the query in the address', async () => {
    const { router } = openHome();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'FAIR' } });
    expect(bodyRows().map((r) => r.querySelector('a')?.textContent)).toEqual(['Hana Ferreira']);
    expect(currentPath(router)).toBe('/?level=FAIR');

    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'ALL' } });
    fireEvent.change(screen.getByLabelText('Composite trend'), { target: { value: 'IMPROVING' } });
    expect(bodyRows().map((r) => r.querySelector('a')?.textContent)).toEqual(['Vera Fischer']);

    fireEvent.change(screen.getByLabelText('Search by name'), { target: { value: 'bianca' } });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No agent matches these filters.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Showing 0 of 3 agents');

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(bodyRows()).toHaveLength(3);
    expect(currentPath(router)).toBe('/');
  });

  it('sorts by name and composite, from the select or the column header', async () => {
    openHome();
    await screen.findByRole('table');
    const names = () => bodyRows().map((r) => r.querySelector('a')?.textContent);
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'name' } });
    expect(names()).toEqual(['Bianca Schmidt', 'Hana Ferreira', 'Vera Fischer']);
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'desc' } });
    expect(names()).toEqual(['Vera Fischer', 'Hana Ferreira', 'Bianca Schmidt']);

    fireEvent.click(screen.getByRole('button', { name: /^Composite/ }));
    expect(names()).toEqual(['Bianca Schmidt', 'Hana Ferreira', 'Vera Fischer']);
    expect(screen.getByRole('columnheader', { name: 'Composite' }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    fireEvent.click(screen.getByRole('button', { name: /^Composite/ }));
    expect(names()).toEqual(['Vera Fischer', 'Hana Ferreira', 'Bianca Schmidt']);
  });

  it('virtualises a large team, telling assistive technology its real size', async () => {
    const many = Array.from({ length: 80 }, (_, i) =>
      card({ name: `Agent ${String(i + 1).padStart(2, '0')}`, urgency: 100 - i }),
    );
    // jsdom has no layout and no ResizeObserver: rows keep their estimated height.
    openHome(many);
    // (Text and selector queries: role queries over 80 rows are slow in jsdom.)
    await screen.findByText('Agent 01', {}, { timeout: 15_000 });
    const table = document.querySelector('table.queue-table') as HTMLTableElement;
    expect(table.getAttribute('aria-rowcount')).toBe('81');
    const rows = table.querySelectorAll('tbody tr.queue-row');
    // The rows in a 768 px window and a few more, not 80.
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(rows[0]!.querySelector('a')?.textContent).toBe('Agent 01');
    expect(screen.getByText('Showing 80 of 80 agents')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Search by name'), { target: { value: 'Agent 80' } });
    expect([...table.querySelectorAll('tbody tr.queue-row a:not(.queue-schedule)')].map((a) => a.textContent)).toEqual([
      'Agent 80',
    ]);
  }, 30_000);

  it('says when the team is empty', async () => {
    openHome([]);
    expect(await screen.findByRole('heading', { name: 'No agents yet' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows the server's error with a way to try again", async () => {
    openHome(AGENTS, 503);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is unavailable.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
