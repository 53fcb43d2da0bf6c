import { PageHeader } from './PageHeader';

interface Props {
  title: string;
  /** What the page will be for. */
  purpose: string;
}

/** The stand-in for a page that has its URL and place in the navigation but no content yet. */
export function NotBuiltYet({ title, purpose }: Props) {
  return (
    <>
      <PageHeader title={title} description={purpose} />
      <section className="card card-body" aria-label={`${title} (not built yet)`}>
        <p>This page is not built yet.</p>
      </section>
    </>
  );
}
