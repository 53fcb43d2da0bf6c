import { useEffect, type ReactNode } from 'react';

interface Props {
  title: string;
  description?: ReactNode;
}

/** A page's <h1> (and the document title, so history and tabs name the page). */
export function PageHeader({ title, description }: Props) {
  useEffect(() => {
    document.title = `${title} · Coach`;
  }, [title]);
  return (
    <div className="page-heading">
      <h1>{title}</h1>
      {description && <p className="muted">{description}</p>}
    </div>
  );
}
