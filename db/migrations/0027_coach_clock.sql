-- The server's clock (docs/architecture.md, "Clock"). Figures that depend on the instant or
-- the organisation's day read coach_now() and coach_today() rather than now() and
-- CURRENT_DATE, so a test can move the clock: the session option coach.clock_offset (seconds,
-- set by the server on every connection it opens, from coach::clock) shifts both. Unset or 0
-- in production, so both are then exactly now() and CURRENT_DATE. Timestamps that record when
-- a row was written (created_at, updated_at, expiry) keep now().
CREATE FUNCTION coach_now() RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT now() + coalesce(nullif(current_setting('coach.clock_offset', true), '')::interval,
                           interval '0') $$;

-- The organisation's date at coach_now(): sessions run in the organisation's zone.
CREATE FUNCTION coach_today() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coach_now()::date $$;
