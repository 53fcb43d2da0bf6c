-- bench/issue3/users.sql: the benchmark organisation's users, deterministic (the metric files
-- are written by bench/issue3/gen_metrics.cpp for the same agents).
--
--   psql -v agents=5000 -v days=400 -v end_date=2026-11-24 -v hash='<bcrypt>' -f users.sql
--
-- Users (password_hash = :hash, so every bench user signs in with the admin's password):
--   ceil(agents / 500) MANAGERs       b0000000-0000-4000-8000-<n, 12 digits>
--   ceil(agents / 50)  TEAM_LEADERs   b1000000-0000-4000-8000-<n>   (10 per manager)
--   agents             AGENTs         b2000000-0000-4000-8000-<n>   (50 per team leader,
--                                     employee_id B0000001.., agent<n>@bench.test)
-- A first version wrote the metric files from SQL too (generate_series, the same hash): its
-- output was byte-identical to gen_metrics's, which takes 1 s instead of 60 s for 2M rows.
\set ON_ERROR_STOP 1
\set managers 'ceil(:agents / 500.0)::int'
\set leaders 'ceil(:agents / 50.0)::int'

BEGIN;
INSERT INTO users (id, email, password_hash, name, role, department, hire_date)
SELECT ('b0000000-0000-4000-8000-' || lpad(m::text, 12, '0'))::uuid,
       'manager' || m || '@bench.test', :'hash', 'Bench Manager ' || m, 'MANAGER', 'Bench',
       :'end_date'::date - :days - 365
  FROM generate_series(1, :managers) m;

INSERT INTO users (id, email, password_hash, name, role, manager_id, department, hire_date)
SELECT ('b1000000-0000-4000-8000-' || lpad(t::text, 12, '0'))::uuid,
       'leader' || t || '@bench.test', :'hash', 'Bench Leader ' || lpad(t::text, 5, '0'),
       'TEAM_LEADER', ('b0000000-0000-4000-8000-' || lpad(((t - 1) / 10 + 1)::text, 12, '0'))::uuid,
       'Bench', :'end_date'::date - :days - 200
  FROM generate_series(1, :leaders) t;

INSERT INTO users (id, email, password_hash, name, role, team_leader_id, department, employee_id,
                   hire_date)
SELECT ('b2000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
       'agent' || i || '@bench.test', :'hash', 'Bench Agent ' || lpad(i::text, 6, '0'), 'AGENT',
       ('b1000000-0000-4000-8000-' || lpad(((i - 1) / 50 + 1)::text, 12, '0'))::uuid, 'Bench',
       'B' || lpad(i::text, 7, '0'), :'end_date'::date - :days - 30
  FROM generate_series(1, :agents) i;
COMMIT;
ANALYZE users;
