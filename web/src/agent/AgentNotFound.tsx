import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';

/** The server answered 404: no such agent, or one outside the caller's scope (it never says which). */
export function AgentNotFound() {
  return (
    <>
      <PageHeader title="Agent not found" description="No agent here, or not one you can see." />
      <p>
        <Link to="/" className="button button-secondary">
          Go to the home page
        </Link>
      </p>
    </>
  );
}
