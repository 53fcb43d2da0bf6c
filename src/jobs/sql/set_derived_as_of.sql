-- Records that the derived figure $1 (name, e.g. 'percentiles') was computed for the day $2
-- (date), now.
INSERT INTO derived_as_of (name, as_of, computed_at)
VALUES ($1, $2::date, now())
ON CONFLICT (name) DO UPDATE SET as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at
