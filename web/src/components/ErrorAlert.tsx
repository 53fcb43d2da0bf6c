import type { ReactNode } from 'react';

interface Props {
  title?: string;
  children: ReactNode;
  action?: ReactNode;
}

export function ErrorAlert({ title, children, action }: Props) {
  return (
    <div className="alert alert-error" role="alert">
      {title && <p className="alert-title">{title}</p>}
      <div className="alert-body">{children}</div>
      {action && <div className="alert-action">{action}</div>}
    </div>
  );
}
