-- Until the transaction ends, a lock wait fails after $1 (an interval text, e.g. '1s') with
-- SQLSTATE 55P03.
SELECT set_config('lock_timeout', $1, true)
