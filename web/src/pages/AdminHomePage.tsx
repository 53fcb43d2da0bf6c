import { OrganisationCounts } from '../admin/OrganisationCounts';
import { TeamSummaryTable } from '../admin/TeamSummaryTable';
import { PageHeader } from '../components/PageHeader';
import { CorrelationSection } from '../teams/CorrelationSection';

/** An administrator's home: the organisation's counts, every team's figures, the correlations. */
export function AdminHomePage() {
  return (
    <>
      <PageHeader title="Administration" description="The organisation, its teams and how the metrics move together." />
      <OrganisationCounts />
      <TeamSummaryTable />
      <CorrelationSection />
    </>
  );
}
