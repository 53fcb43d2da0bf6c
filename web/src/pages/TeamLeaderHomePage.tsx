import { PageHeader } from '../components/PageHeader';
import { PriorityQueue } from '../queue/PriorityQueue';

/** A team leader's home: the priority queue of their agents. */
export function TeamLeaderHomePage() {
  return (
    <>
      <PageHeader
        title="Priority queue"
        description="Your agents, most urgent first, with the reasons. Open an agent for their scores and history."
      />
      <PriorityQueue />
    </>
  );
}
