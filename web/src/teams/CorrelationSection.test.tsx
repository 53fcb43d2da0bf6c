import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, jsonResponse, makeUser, type RecordedRequest } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { localToday, addDays } from './dates';
import { makeMatrix } from './testData';

const manager = makeUser({ name: 'Morgan Reyes', role: 'MANAGER' });

function openHome(correlations: (req: RecordedRequest) => Response) {
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, manager),
    'GET /api/v1/dashboard': () => jsonResponse(200, { role: 'MANAGER', as_of: null, teams: [] }),
    'GET /api/v1/analytics/correlations': correlations,
    // The home's late notes (web/src/notes): none.
    'GET /api/v1/quick-notes': () => jsonResponse(200, { items: [], next_cursor: null }),
  });
  renderApp('/');
  return api;
}

function corrRequests(requests: RecordedRequest[]) {
  return requests.filter((r) => r.url.startsWith('/api/v1/analytics/correlations')).map((r) => r.url);
}

function rowOf(table: HTMLElement, metric: string) {
  return within(table).getByRole('rowheader', { name: metric }).closest('tr') as HTMLElement;
}

afterEach(cleanup);

describe('correlation matrix', () => {
  it('shows r with two decimals, n, strength words, and "not enough data" where r is null', async () => {
    const matrix = makeMatrix((x, y) => {
      if (x === 'service_score' && y === 'productivity_score') return 0.7955;
      if (x === 'csat' && y === 'aht') return -0.6677;
      if (x === 'fcr' && y === 'aht') return null;
      return 0.03;
    });
    openHome(() => jsonResponse(200, matrix));
    const table = await screen.findByRole('table', {
      name: 'Correlations between metrics over 2,695 agent-days',
    });
    expect(screen.getByText('8 Sep 2026 to 6 Dec 2026: 41 agents, 2,695 agent-days')).toBeTruthy();
    expect(screen.getByText(/Each figure r \(from −1 to 1\) shows how two metrics move together/)).toBeTruthy();

    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      'Service',
      'Productivity',
      'Quality',
      'Attendance',
      'Adherence',
      'Composite',
      'CSAT',
      'FCR',
      'AHT',
    ]);

    // Row Service, column Productivity (and its mirror): the figure, its strength, n.
    const service = within(rowOf(table, 'Service')).getAllByRole('cell');
    expect(service[1]!.textContent).toBe('0.80, strong positive link, n = 120 agent-days with both');
    expect(service[1]!.className).toContain('teams-corr-pos-3');
    const productivity = within(rowOf(table, 'Productivity')).getAllByRole('cell');
    expect(productivity[0]!.textContent).toBe(service[1]!.textContent);
    // The diagonal is the metric against itself.
    expect(service[0]!.textContent).toBe('—same metric');

    const aht = within(rowOf(table, 'AHT')).getAllByRole('cell');
    expect(aht[6]!.textContent).toBe('\u22120.67, moderate negative link, n = 120 agent-days with both');
    expect(aht[6]!.className).toContain('teams-corr-neg-2');
    expect(aht[7]!.textContent).toBe('not enough data, n = 1 agent-days with both');
    expect(aht[7]!.className).toContain('teams-corr-missing');
    expect(aht[0]!.className).toContain('teams-corr-zero');

    const legend = screen.getByRole('list', { name: 'Colours (r)' });
    expect(within(legend).getAllByRole('listitem')[0]!.textContent).toBe('Strong negative: \u22121 to \u22120.70');
  });

  it('flags a figure from few agent-days', async () => {
    const matrix = makeMatrix();
    matrix.pairs[0] = { ...matrix.pairs[0]!, r: 0.9, n: 12 };
    openHome(() => jsonResponse(200, matrix));
    const table = await screen.findByRole('table', { name: /Correlations between metrics/ });
    const cell = within(rowOf(table, 'Service')).getAllByRole('cell')[1]!;
    expect(cell.textContent).toContain('few days: read with care');
  });

  it('asks the server for the period the manager picks', async () => {
    const { requests } = openHome((req) => {
      const from = new URL(req.url, 'http://x').searchParams.get('from');
      return jsonResponse(200, from ? makeMatrix(() => 0.2, { from, rows: 300 }) : makeMatrix());
    });
    await screen.findByRole('table', { name: /over 2,695 agent-days/ });
    expect(corrRequests(requests)).toEqual(['/api/v1/analytics/correlations']);

    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '30' } });
    await screen.findByRole('table', { name: /over 300 agent-days/ });
    const from = addDays(localToday(), -29);
    expect(corrRequests(requests).at(-1)).toBe(`/api/v1/analytics/correlations?from=${from}`);
  });

  it("shows the server's refusal of the dates next to the fields", async () => {
    const { requests } = openHome((req) =>
      req.url.includes('from=2026-12-07')
        ? jsonResponse(422, {
            error: {
              code: 'validation_failed',
              message: 'The request has invalid fields.',
              details: [{ field: 'from', message: 'must not be after to' }],
            },
          })
        : jsonResponse(200, makeMatrix()),
    );
    await screen.findByRole('table', { name: /Correlations between metrics/ });
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'custom' } });
    // The custom dates start from the period shown.
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-09-08');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-07' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-12-06' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));

    const from = screen.getByLabelText('From');
    await waitFor(() => expect(from.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('From must not be after to')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Could not show this period');
    expect(screen.queryByRole('table', { name: /Correlations between metrics/ })).toBeNull();
    expect(corrRequests(requests).at(-1)).toBe(
      '/api/v1/analytics/correlations?from=2026-12-07&to=2026-12-06',
    );
  });

  it('says so when the period has no metrics', async () => {
    openHome(() => jsonResponse(200, makeMatrix(() => null, { agents: 0, rows: 0 })));
    await screen.findByText('No metrics in this period, so there is nothing to correlate.');
    expect(screen.queryByRole('table', { name: /Correlations between metrics/ })).toBeNull();
  });
});
