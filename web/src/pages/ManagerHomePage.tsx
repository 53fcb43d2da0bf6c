import { PageHeader } from '../components/PageHeader';
import { OverdueNotesSection } from '../notes/OverdueNotesSection';
import { CorrelationSection } from '../teams/CorrelationSection';
import { TeamMatrixSection } from '../teams/TeamMatrixSection';

/** A manager's home: their teams by metric (opening each team's queue) and the correlations. */
export function ManagerHomePage() {
  return (
    <>
      <PageHeader
        title="Team performance"
        description="Your teams by metric over the last 30 days. Open a team to see its agents, most urgent first."
      />
      <TeamMatrixSection />
      <OverdueNotesSection />
      <CorrelationSection />
    </>
  );
}
