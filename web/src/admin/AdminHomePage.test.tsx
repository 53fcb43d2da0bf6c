import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

const admin = makeUser({ name: 'Ada Admin', role: 'ADMIN' });
const counts = {
  agents: 41,
  team_leaders: 5,
  managers: 2,
  active_pips: 3,
  imports_last_7_days: 4,
  failed_imports_last_7_days: 1,
};
const team = {
  team_leader_id: 'tl-1',
  team_leader_name: 'Jordan Blake',
  manager_id: 'm-1',
  agent_count: 8,
  active_pips: 1,
  avg_team_score: 81.456,
  avg_service_score: null,
  avg_quality_score: 90,
  sessions_last_week: 6,
  as_of: '2026-12-05',
  calculated_date: '2026-12-05',
};

describe('the admin home', () => {
  it('shows the counts, every team with its figures, and the export links', async () => {
    fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, admin),
      'GET /api/v1/dashboard': () => jsonResponse(200, { role: 'ADMIN', as_of: '2026-12-06', counts }),
      'GET /api/v1/team-performance-summary': () => jsonResponse(200, { items: [team], next_cursor: null }),
      'GET /api/v1/analytics/correlations': () => apiError(503, 'unavailable', 'Try again shortly.'),
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Administration' })).toBeTruthy();
    const agents = await screen.findByRole('link', { name: /41\s*Agents/ });
    expect(agents.getAttribute('href')).toBe('/people');
    expect(screen.getByRole('link', { name: /1\s*Failed imports/ }).getAttribute('href')).toBe('/imports');
    const row = (await screen.findByRole('link', { name: 'Jordan Blake' })).closest('tr');
    if (!row) throw new Error('the team is not a table row');
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['8', '81.5', '—', '90.0', '1', '6']);
    expect(screen.getByText(/^Figures as of .*2026; averages are the day before\.$/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Jordan Blake' }).getAttribute('href')).toBe('/teams/tl-1');
    expect(
      screen.getByRole('link', { name: 'Download the team matrix as CSV' }).getAttribute('href'),
    ).toBe('/api/v1/team-performance-summary/export?format=csv');
  });

  it('says so when the server cannot give the counts', async () => {
    fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, admin),
      'GET /api/v1/dashboard': () => apiError(503, 'unavailable', 'The database is restarting.'),
      'GET /api/v1/team-performance-summary': () => jsonResponse(200, { items: [], next_cursor: null }),
      'GET /api/v1/analytics/correlations': () => apiError(503, 'unavailable', 'Try again shortly.'),
    });
    renderApp('/');
    expect(await screen.findByText('Could not load the organisation')).toBeTruthy();
    expect(screen.getByText('The database is restarting.')).toBeTruthy();
    expect(await screen.findByText('No teams yet.')).toBeTruthy();
  });
});
