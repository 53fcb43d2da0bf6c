import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { makeCard } from './testData';

const TEAM_URL = '/api/v1/teams/tl-jordan/dashboard';

function openTeam(role: Role, team: Parameters<typeof fakeApi>[0][string]) {
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, makeUser({ name: 'Morgan Reyes', role })),
    [`GET ${TEAM_URL}`]: team,
  });
  renderApp('/teams/tl-jordan');
  return api;
}

const AGENTS = [
  makeCard({ agent_id: 'agent-bianca', name: 'Bianca Schmidt', performance_level: 'CRITICAL', urgency_score: 90 }),
  makeCard({
    agent_id: 'agent-noah',
    name: 'Noah Anderson',
    status: 'PIP',
    performance_level: null,
    avg_30d: null,
    trends: null,
    days_since_last_coaching: null,
    urgency_score: 35,
    urgency_reasons: [],
  }),
];

afterEach(cleanup);

describe('team page', () => {
  it("lists the team's agents with level, composite and trend in words, each opening the agent", async () => {
    openTeam('MANAGER', () =>
      jsonResponse(200, { team_leader: { id: 'tl-jordan', name: 'Jordan Blake' }, as_of: '2026-12-06', agents: AGENTS }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Jordan Blake’s team' });
    const table = screen.getByRole('table', { name: 'Agents of Jordan Blake, most urgent first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);

    const bianca = within(rows[0]!);
    expect(bianca.getByRole('link', { name: 'Bianca Schmidt' }).getAttribute('href')).toBe('/agents/agent-bianca');
    const cells = bianca.getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual(['Critical', '74.54', '↓ Declining', '90']);
    expect(cells[4]).toBe('20 days ago');
    expect(cells[5]).toContain('20 days since last coaching (FAIR: every 7 days)');
    // The arrow is decoration: the words carry the trend.
    expect(bianca.getByText('↓').getAttribute('aria-hidden')).toBe('true');

    const noah = within(rows[1]!);
    expect(noah.getByText('On PIP')).toBeTruthy();
    expect(noah.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'No level',
      '—',
      '· No trend yet',
      '35',
      'Never',
      'Nothing pressing',
    ]);
    expect(screen.getByRole('link', { name: '← Back to your teams' }).getAttribute('href')).toBe('/');
  });

  it('shows "Team not found" when the team is out of scope (404)', async () => {
    openTeam('MANAGER', () => apiError(404, 'not_found', 'Not found.'));
    await screen.findByRole('heading', { level: 1, name: 'Team not found' });
    expect(screen.getByText(/it is not one of your teams/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when the team has no agents', async () => {
    openTeam('ADMIN', () =>
      jsonResponse(200, { team_leader: { id: 'tl-jordan', name: 'Jordan Blake' }, as_of: '2026-12-06', agents: [] }),
    );
    await screen.findByText('This team has no agents yet.');
    expect(screen.getByRole('link', { name: '← Back to the home page' })).toBeTruthy();
  });

  it('is not a page for agents or team leaders (and asks the server nothing)', async () => {
    for (const role of ['AGENT', 'TEAM_LEADER'] as const) {
      const { requests } = openTeam(role, () => jsonResponse(500, {}));
      await screen.findByRole('heading', { name: 'Page not found' });
      expect(requests.some((r) => r.url === TEAM_URL)).toBe(false);
      cleanup();
    }
  });
});
