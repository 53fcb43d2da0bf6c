interface Props {
  label?: string;
}

export function LoadingState({ label = 'Loading…' }: Props) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
