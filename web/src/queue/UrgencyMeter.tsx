/** Coaching urgency, 0-100: the number, and a bar beside it (decoration: the number says it). */
export function UrgencyMeter({ score }: { score: number }) {
  const value = Math.max(0, Math.min(100, score));
  const band = value >= 60 ? 'high' : value >= 30 ? 'medium' : 'low';
  return (
    <span className="urgency">
      <span className="urgency-value">
        {value}
        <span className="visually-hidden"> out of 100</span>
      </span>
      <span className="urgency-track" aria-hidden="true">
        <span className={`urgency-fill urgency-${band}`} style={{ width: `${value}%` }} />
      </span>
    </span>
  );
}
