import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { makeMatrix, makeTeam } from './testData';

const manager = makeUser({ name: 'Morgan Reyes', role: 'MANAGER' });

const TEAMS = [
  makeTeam({ team_leader_id: 'tl-jordan', team_leader_name: 'Jordan Blake' }),
  makeTeam({
    team_leader_id: 'tl-priya',
    team_leader_name: 'Priya Natarajan',
    agent_count: 0,
    active_pips: 0,
    levels: { EXCELLENT: 0, GOOD: 0, FAIR: 0, POOR: 0, CRITICAL: 0, NONE: 0 },
    avg_30d: null,
    top_urgent_agents: [],
  }),
];

function openHome(dashboard: Parameters<typeof fakeApi>[0][string]) {
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, manager),
    'GET /api/v1/dashboard': dashboard,
    'GET /api/v1/analytics/correlations': () => jsonResponse(200, makeMatrix()),
    // The home's late notes (web/src/notes): none.
    'GET /api/v1/quick-notes': () => jsonResponse(200, { items: [], next_cursor: null }),
  });
  const app = renderApp('/');
  return { ...api, ...app };
}

function matrix() {
  return screen.getByRole('table', { name: 'Your teams by metric' });
}

afterEach(cleanup);

describe('team matrix', () => {
  it('shows every team with numbers on level colours, the level in words, and a legend', async () => {
    openHome(() => jsonResponse(200, { role: 'MANAGER', as_of: '2026-12-06', teams: TEAMS }));
    await screen.findByRole('table', { name: 'Your teams by metric' });
    expect(screen.getByRole('heading', { level: 1, name: 'Team performance' })).toBeTruthy();
    expect(screen.getByText('Last 30 days, as of 6 Dec 2026')).toBeTruthy();

    const rows = within(matrix()).getAllByRole('row').slice(2);
    expect(rows).toHaveLength(2);
    const jordan = rows[0]!;
    const cells = within(jordan).getAllByRole('cell');
    // Agents, then composite, service, productivity, quality, attendance, adherence, CSAT, FCR, AHT.
    expect(cells[0]!.textContent).toBe('14');
    const composite = cells[1]!;
    expect(composite.textContent).toBe('79.79Fair');
    expect(composite.className).toContain('teams-level-fair');
    expect(cells[2]!.textContent).toBe('78.63Fair');
    expect(cells[3]!.textContent).toBe('91.04Excellent');
    expect(cells[3]!.className).toContain('teams-level-excellent');
    expect(cells[4]!.textContent).toBe('59.30Critical');
    expect(cells[4]!.className).toContain('teams-level-critical');
    expect(cells[6]!.textContent).toBe('64.92Poor');
    // CSAT, FCR and AHT: numbers without a level or its colour.
    expect(cells[7]!.textContent).toBe('4.17');
    expect(cells[8]!.textContent).toBe('72.82%');
    expect(cells[9]!.textContent).toBe('352 s');
    expect(cells[7]!.className).not.toMatch(/teams-level-/);
    // Agents per level (Excellent … Critical, no level), on a PIP.
    expect(cells.slice(10, 17).map((c) => c.textContent)).toEqual(['1', '8', '4', '0', '1', '0', '1']);
    expect(within(cells[17]!).getByRole('link', { name: 'Bianca Schmidt' }).getAttribute('href')).toBe(
      '/agents/agent-bianca',
    );

    // A team without figures says so in words, on the "no level" colour.
    const priya = within(rows[1]!).getAllByRole('cell');
    expect(priya[1]!.textContent).toBe('—No data');
    expect(priya[1]!.className).toContain('teams-level-none');

    // The legend names each colour with its band of scores.
    const legend = screen.getByRole('list', { name: 'Levels (0–100 scores)' });
    const items = within(legend).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Excellent: 90 and above',
      'Good: 80 to 89.99',
      'Fair: 70 to 79.99',
      'Poor: 60 to 69.99',
      'Critical: below 60',
      'No data: —',
    ]);
    expect(screen.getByText(/CSAT \(1–5\), FCR \(%\) and AHT \(seconds\) have no levels/)).toBeTruthy();
  });

  it("opens a team's queue from the team leader's name", async () => {
    const { router } = openHome(() =>
      jsonResponse(200, { role: 'MANAGER', as_of: '2026-12-06', teams: TEAMS }),
    );
    const link = await screen.findByRole('link', { name: 'Jordan Blake' });
    expect(link.getAttribute('href')).toBe('/teams/tl-jordan');
    fireEvent.click(link);
    await waitFor(() => expect(currentPath(router)).toBe('/teams/tl-jordan'));
  });

  it('says so when the manager has no teams', async () => {
    openHome(() => jsonResponse(200, { role: 'MANAGER', as_of: null, teams: [] }));
    await screen.findByText(/You have no teams yet/);
    expect(screen.queryByRole('table', { name: 'Your teams by metric' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Levels (0–100 scores)' })).toBeNull();
  });

  it("shows the server's error and tries again on request", async () => {
    let calls = 0;
    const { requests } = openHome(() => {
      calls += 1;
      return calls === 1
        ? apiError(403, 'forbidden', 'You may not see these teams.')
        : jsonResponse(200, { role: 'MANAGER', as_of: '2026-12-06', teams: TEAMS });
    });
    const alert = await screen.findByText('Could not load your teams');
    expect(alert.closest('[role="alert"]')?.textContent).toContain('You may not see these teams.');
    expect(screen.queryByRole('table', { name: 'Your teams by metric' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('table', { name: 'Your teams by metric' });
    expect(requests.filter((r) => r.url === '/api/v1/dashboard')).toHaveLength(2);
    expect(screen.queryByText('Could not load your teams')).toBeNull();
  });
});
