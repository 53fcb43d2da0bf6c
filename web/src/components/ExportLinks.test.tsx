import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExportLinks } from './ExportLinks';

describe('ExportLinks', () => {
  it('links the export in both formats, keeping the filters', () => {
    render(<ExportLinks href="/api/v1/performance-metrics/export?agent_id=a1" what="the daily metrics" />);
    expect(
      screen.getByRole('link', { name: 'Download the daily metrics as CSV' }).getAttribute('href'),
    ).toBe('/api/v1/performance-metrics/export?agent_id=a1&format=csv');
    expect(
      screen.getByRole('link', { name: 'Download the daily metrics as Excel (XLSX)' }).getAttribute('href'),
    ).toBe('/api/v1/performance-metrics/export?agent_id=a1&format=xlsx');
  });

  it('starts the query when the route has none', () => {
    render(<ExportLinks href="/api/v1/team-performance-summary/export" what="the team matrix" />);
    expect(
      screen.getByRole('link', { name: 'Download the team matrix as CSV' }).getAttribute('href'),
    ).toBe('/api/v1/team-performance-summary/export?format=csv');
  });
});
