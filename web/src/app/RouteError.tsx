import { useRouteError } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';

// After a deploy the old hashed chunks are gone: a lazy page of the old build fails to load.
const CHUNK_LOAD_FAILED =
  /dynamically imported module|Importing a module script failed|error loading dynamically imported/i;

/** A page that threw while rendering, or whose code could not be loaded. */
export function RouteError() {
  const error = useRouteError();
  const outdated = error instanceof Error && CHUNK_LOAD_FAILED.test(error.message);
  return (
    <div className="page-narrow">
      <ErrorAlert
        title={outdated ? 'Coach has been updated' : 'This page could not be shown'}
        action={
          <button
            type="button"
            className="button button-secondary"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>
        }
      >
        <p>
          {outdated
            ? 'Reload the page to get the new version.'
            : 'Something went wrong on our side. Reloading the page usually helps.'}
        </p>
      </ErrorAlert>
    </div>
  );
}
