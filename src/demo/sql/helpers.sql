-- Creates the demo loader's helpers (pg_temp): uniform and normal pseudo-random numbers from an
-- md5 hex digest. A digest has 8 slots of 16 bits; slot k (1..8) gives a uniform in (0, 1).
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_u(h text, k integer)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT (('x' || substr(h, 4 * k - 3, 4))::bit(16)::integer + 0.5) / 65536.0
$$;

-- A standard normal from slots k and k + 1 (Box-Muller).
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_n(h text, k integer)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT sqrt(-2.0 * ln(pg_temp.coach_demo_u(h, k)))
           * cos(2.0 * pi() * pg_temp.coach_demo_u(h, k + 1))
$$;

-- x clamped to [lo, hi] and rounded to 2 decimals.
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_clamp(x double precision, lo double precision,
                                                    hi double precision)
RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT round(greatest(lo, least(hi, x))::numeric, 2)
$$;
