import { PageHeader } from '../components/PageHeader';
import { PeopleSection } from '../components/PeopleSection';

export function PeoplePage() {
  return (
    <>
      <PageHeader title="People" description="Everyone in your scope." />
      <PeopleSection />
    </>
  );
}
