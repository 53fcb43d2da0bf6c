import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';

/** An unknown address, or a page the signed-in role may not open. */
export function NotFoundPage() {
  return (
    <>
      <PageHeader
        title="Page not found"
        description="There is no page at this address, or it is not available to you."
      />
      <p>
        <Link to="/" className="button button-secondary">
          Go to the home page
        </Link>
      </p>
    </>
  );
}
