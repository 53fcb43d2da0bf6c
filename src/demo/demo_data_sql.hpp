#pragma once
// The demo organisation as one SQL script (embedded in the binary; see demo_data.hpp).
//
// kDemoSql creates, in pg_temp (this connection only), the loader
//   pg_temp.coach_load_demo(p_seed integer, p_password_hash text) RETURNS void
// and three small helpers (coach_demo_u, coach_demo_n, coach_demo_clamp). demo::load runs it
// with one PQexec, calls the loader inside the same transaction, then runs kDemoCleanupSql so
// no session state outlives the transaction (pgbouncer transaction mode).
//
// Deterministic for a seed: no random(), no gen_random_uuid(), no now() in the data. Every id
// is md5('coach-demo:<seed>:<entity>:<index>')::uuid and every pseudo-random number is a 16-bit
// slot of an md5 of (seed, entity, index, day). Dates are relative to CURRENT_DATE: 13 months
// (plus one week) of daily metrics ending yesterday, sessions scheduled up to two weeks ahead.
// Set-based: INSERT ... SELECT over generate_series, scratch tables ON COMMIT DROP.
//
// Shape (archetypes assigned by a seeded shuffle of the 80 agents): 1 agent on an ACTIVE PIP
// (approved by their manager, recovering since), 1 with a DRAFT PIP (attendance collapse in
// the last quarter), 2 critical (composite < 60), 2 poor, 10 improving, 8 declining, 6 stars,
// the rest steady between 75 and 90. Mondays are worst, Fridays best; December dips. Completed
// coaching sessions lift the coached area for about four weeks by an amount that depends on
// the intervention method and the issue, so coaching_effectiveness ranks methods meaningfully.
#include <string_view>

namespace coach::demo {

inline constexpr std::string_view kDemoSql = R"coach_sql(
-- Helpers: uniform and normal pseudo-random numbers from an md5 hex digest.
-- A digest has 8 slots of 16 bits; slot k (1..8) gives a uniform in (0, 1).
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

CREATE OR REPLACE FUNCTION pg_temp.coach_load_demo(p_seed integer, p_password_hash text)
RETURNS void
LANGUAGE plpgsql
SET jit = off  -- a one-off bulk load: compiling the big expressions costs more than it saves
AS $fn$
DECLARE
    s            text := 'coach-demo:' || p_seed || ':';  -- prefix of every hashed key
    v_today      date := CURRENT_DATE;
    v_end        date := CURRENT_DATE - 1;                  -- last day with metrics
    -- 13 months ending yesterday, plus a week so the oldest 13-month day is always covered
    v_start      date := (CURRENT_DATE - 1 - INTERVAL '13 months')::date - 7;
    v_horizon    date := CURRENT_DATE + 14;                 -- sessions scheduled up to here
    -- the ACTIVE PIP started on the Monday three to four weeks ago
    v_plan_start date := date_trunc('week', CURRENT_DATE - 24)::date;
    v_span       double precision;
BEGIN
    IF EXISTS (SELECT 1 FROM users) THEN
        RAISE EXCEPTION 'demo data needs an empty database (users exist)'
            USING ERRCODE = 'unique_violation';
    END IF;
    v_span := (v_end - v_start)::double precision;

    -- scratch tables of an earlier failed call in this session
    IF to_regclass('pg_temp.coach_demo_agents') IS NOT NULL THEN
        DROP TABLE coach_demo_agents;
    END IF;
    IF to_regclass('pg_temp.coach_demo_days') IS NOT NULL THEN
        DROP TABLE coach_demo_days;
    END IF;
    IF to_regclass('pg_temp.coach_demo_sessions') IS NOT NULL THEN
        DROP TABLE coach_demo_sessions;
    END IF;
    IF to_regclass('pg_temp.coach_demo_bumps') IS NOT NULL THEN
        DROP TABLE coach_demo_bumps;
    END IF;

    -- -----------------------------------------------------------------------
    -- Admin, managers, team leaders
    -- -----------------------------------------------------------------------
    INSERT INTO users (id, email, password_hash, name, role, department, employee_id,
                       hire_date, phone, status, shift_pattern)
    VALUES (md5(s || 'admin')::uuid, 'admin@coach.demo', p_password_hash, 'Avery Collins',
            'ADMIN', 'Operations', 'E0001', v_today - 3650, '+1 555 0100', 'ACTIVE', 'Morning');

    INSERT INTO users (id, email, password_hash, name, role, department, employee_id,
                       hire_date, phone, status, shift_pattern)
    SELECT md5(s || 'manager:' || m)::uuid,
           'manager' || m || '@coach.demo',
           p_password_hash,
           (ARRAY['Morgan Reyes', 'Dana Whitfield'])[m],
           'MANAGER',
           'Operations',
           'E01' || lpad(m::text, 2, '0'),
           v_today - 2900 - m * 211,
           '+1 555 01' || lpad((10 + m)::text, 2, '0'),
           'ACTIVE',
           'Morning'
    FROM generate_series(1, 2) AS m;

    INSERT INTO users (id, email, password_hash, name, role, manager_id, department,
                       employee_id, hire_date, phone, status, shift_pattern)
    SELECT md5(s || 'tl:' || t)::uuid,
           'tl' || t || '@coach.demo',
           p_password_hash,
           (ARRAY['Jordan Blake', 'Priya Natarajan', 'Marcus Holloway', 'Elena Sokolova',
                  'Tariq Haddad', 'Grace Okafor'])[t],
           'TEAM_LEADER',
           md5(s || 'manager:' || ((t - 1) / 3 + 1))::uuid,
           (ARRAY['Billing', 'Tech Support', 'Sales', 'Billing', 'Tech Support',
                  'Customer Care'])[t],
           'E02' || lpad(t::text, 2, '0'),
           v_today - 1500 - t * 97,
           '+1 555 02' || lpad((10 + t)::text, 2, '0'),
           'ACTIVE',
           (ARRAY['Morning', 'Morning', 'Evening', 'Morning', 'Evening', 'Rotating'])[t]
    FROM generate_series(1, 6) AS t;

    -- -----------------------------------------------------------------------
    -- Agents: traits first (temporary), then the users rows
    -- Archetypes (by a seeded shuffle): 1 ACTIVE PIP, 1 DRAFT PIP, 2 critical, 2 poor,
    -- 10 improving, 8 declining, 6 stars, the rest steady.
    -- -----------------------------------------------------------------------
    CREATE TEMP TABLE coach_demo_agents ON COMMIT DROP AS
    WITH base AS (
        SELECT n,
               md5(s || 'agent:' || n)::uuid AS id,
               (n - 1) % 6 + 1 AS tl,
               (n - 1) / 6 AS slot,          -- index within the team: fixes session times
               md5(s || 'agent-traits:' || n) AS h,
               md5(s || 'agent-traits2:' || n) AS h2,
               row_number() OVER (ORDER BY md5(s || 'archetype:' || n)) AS r
        FROM generate_series(1, 80) AS n
    ), typed AS (
        SELECT b.*,
               CASE WHEN r = 1 THEN 'pip_active'
                    WHEN r = 2 THEN 'pip_draft'
                    WHEN r <= 4 THEN 'critical'
                    WHEN r <= 6 THEN 'poor'
                    WHEN r <= 16 THEN 'improving'
                    WHEN r <= 24 THEN 'declining'
                    WHEN r <= 30 THEN 'star'
                    ELSE 'steady'
               END AS archetype
        FROM base b
    ), levels AS (
        SELECT t.*,
               -- composite-like level at the start and at the end of the window
               CASE archetype
                   WHEN 'pip_active' THEN 81 + 2 * pg_temp.coach_demo_u(h, 1)
                   WHEN 'pip_draft'  THEN 76 + 2 * pg_temp.coach_demo_u(h, 1)
                   WHEN 'critical'   THEN 55 + 3 * pg_temp.coach_demo_u(h, 1)
                   WHEN 'poor'       THEN 66 + 3 * pg_temp.coach_demo_u(h, 1)
                   WHEN 'improving'  THEN 66 + 8 * pg_temp.coach_demo_u(h, 1)
                   WHEN 'declining'  THEN 85 + 6 * pg_temp.coach_demo_u(h, 1)
                   WHEN 'star'       THEN 89 + 3 * pg_temp.coach_demo_u(h, 1)
                   ELSE                   76 + 12 * pg_temp.coach_demo_u(h, 1)
               END AS start_level,
               CASE archetype
                   WHEN 'pip_active' THEN 70 + 2 * pg_temp.coach_demo_u(h, 2)
                   WHEN 'pip_draft'  THEN 55 + 2 * pg_temp.coach_demo_u(h, 2)
                   WHEN 'critical'   THEN 52 + 3 * pg_temp.coach_demo_u(h, 2)
                   WHEN 'poor'       THEN 64 + 3 * pg_temp.coach_demo_u(h, 2)
                   WHEN 'improving'  THEN 79 + 8 * pg_temp.coach_demo_u(h, 2)
                   WHEN 'declining'  THEN 72 + 6 * pg_temp.coach_demo_u(h, 2)
                   WHEN 'star'       THEN 90 + 3 * pg_temp.coach_demo_u(h, 2)
                   ELSE                   0  -- steady: same as start (below)
               END AS end_level0,
               -- per-component offsets (weighted sum near 0); archetypes add a weakness
               8 * pg_temp.coach_demo_u(h, 3) - 4
                   + CASE archetype WHEN 'critical' THEN -3 ELSE 0 END AS o_service,
               8 * pg_temp.coach_demo_u(h, 4) - 4
                   + CASE archetype WHEN 'pip_active' THEN -6 ELSE 0 END AS o_productivity,
               8 * pg_temp.coach_demo_u(h, 5) - 4
                   + CASE archetype WHEN 'pip_active' THEN -7 WHEN 'poor' THEN -4
                                    ELSE 0 END AS o_quality,
               8 * pg_temp.coach_demo_u(h, 6) - 4
                   + CASE archetype WHEN 'pip_draft' THEN -9
                                    WHEN 'critical' THEN -5 * (r % 2) ELSE 0 END AS o_attendance,
               8 * pg_temp.coach_demo_u(h, 7) - 4
                   + CASE archetype WHEN 'pip_draft' THEN -2 ELSE 0 END AS o_adherence,
               (3 * pg_temp.coach_demo_u(md5(s || 'team:' || tl), 1) - 1.5) AS team_offset
        FROM typed t
    )
    SELECT l.n, l.id, l.tl, l.slot, l.h, l.h2, l.r, l.archetype,
           md5(s || 'tl:' || l.tl)::uuid AS tl_id,
           md5(s || 'manager:' || ((l.tl - 1) / 3 + 1))::uuid AS manager_id,
           l.start_level,
           CASE WHEN l.archetype = 'steady'
                    THEN l.start_level + 3 * pg_temp.coach_demo_u(l.h, 2) - 1.5
                ELSE l.end_level0 END AS end_level,
           l.o_service, l.o_productivity, l.o_quality, l.o_attendance, l.o_adherence,
           l.team_offset,
           -- the agent's weakest area is what coaching mostly works on
           CASE least(l.o_service, l.o_productivity, l.o_quality, l.o_attendance, l.o_adherence)
               WHEN l.o_productivity THEN 'AHT'
               WHEN l.o_quality      THEN 'Quality'
               WHEN l.o_attendance   THEN 'Attendance'
               WHEN l.o_adherence    THEN 'Adherence'
               ELSE 'Service'
           END AS weak_issue,
           CASE l.archetype WHEN 'pip_draft' THEN 0.07 WHEN 'critical' THEN 0.05 + 0.03 * (l.r % 2)
                            WHEN 'poor' THEN 0.04
                            ELSE 0.012 + 0.02 * pg_temp.coach_demo_u(l.h2, 1) END AS absence_rate,
           CASE WHEN l.archetype IN ('pip_active', 'pip_draft', 'critical') THEN 7
                WHEN l.archetype = 'star' THEN 21
                WHEN l.archetype = 'poor' THEN 10
                ELSE 14 END AS cadence,
           floor(pg_temp.coach_demo_u(l.h2, 2) * 7)::int AS phase,
           3 + floor(pg_temp.coach_demo_u(l.h2, 3) * 22)::int AS vacation1,   -- week index
           28 + floor(pg_temp.coach_demo_u(l.h2, 4) * 21)::int AS vacation2,
           (ARRAY['Billing', 'Tech Support', 'Sales', 'Billing', 'Tech Support',
                  'Customer Care'])[l.tl] AS department,
           CASE WHEN pg_temp.coach_demo_u(l.h2, 5) < 0.4 THEN 'Morning'
                WHEN pg_temp.coach_demo_u(l.h2, 5) < 0.7 THEN 'Evening'
                WHEN pg_temp.coach_demo_u(l.h2, 5) < 0.8 THEN 'Night'
                ELSE 'Rotating' END AS shift_pattern,
           (ARRAY['Visual', 'Auditory', 'Kinesthetic', 'Reading'])
               [1 + floor(pg_temp.coach_demo_u(l.h2, 6) * 4)::int] AS learning_style,
           CASE WHEN l.archetype = 'critical' AND l.r = 4 THEN v_start - 25   -- recent hire
                ELSE v_start - 60 - floor(pg_temp.coach_demo_u(l.h2, 7) * 2400)::int
           END AS hire_date
    FROM levels l;

    INSERT INTO users (id, email, password_hash, name, role, team_leader_id, department,
                       employee_id, hire_date, phone, status, learning_style, shift_pattern)
    SELECT a.id,
           'agent' || lpad(a.n::text, 2, '0') || '@coach.demo',
           p_password_hash,
           -- 40 first names x 37 last names, coprime: 80 distinct pairs for any seed
           (ARRAY['Aisha', 'Ben', 'Carla', 'Dmitri', 'Elif', 'Felix', 'Gabriela', 'Hiro',
                  'Ines', 'Jamal', 'Kara', 'Liam', 'Maya', 'Noah', 'Olga', 'Pedro', 'Quinn',
                  'Rosa', 'Sam', 'Tanya', 'Umar', 'Vera', 'Wes', 'Ximena', 'Yusuf', 'Zoe',
                  'Amir', 'Bianca', 'Chloe', 'Diego', 'Emma', 'Farah', 'George', 'Hana',
                  'Ivan', 'Julia', 'Kofi', 'Lena', 'Mateo', 'Nadia'])
               [1 + (a.n * 7 + p_seed) % 40] || ' ' ||
           (ARRAY['Anderson', 'Baptiste', 'Chen', 'Duarte', 'Eriksen', 'Fischer', 'Garcia',
                  'Hughes', 'Ibrahim', 'Jensen', 'Kowalski', 'Lopez', 'Mensah', 'Novak',
                  'OBrien', 'Patel', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Usman',
                  'Varga', 'Walsh', 'Xu', 'Yilmaz', 'Zimmermann', 'Alvarez', 'Brooks',
                  'Costa', 'Dubois', 'Evans', 'Ferreira', 'Gomez', 'Horvat', 'Ito',
                  'Kim', 'Moreau'])
               [1 + (a.n * 11 + p_seed) % 37],
           'AGENT',
           a.tl_id,
           a.department,
           'E' || (1000 + a.n),
           a.hire_date,
           '+1 555 1' || lpad(a.n::text, 3, '0'),
           CASE WHEN a.archetype = 'pip_active' THEN 'PIP'::user_status
                ELSE 'ACTIVE'::user_status END,
           a.learning_style,
           a.shift_pattern
    FROM coach_demo_agents a
    ORDER BY a.n;

    -- -----------------------------------------------------------------------
    -- Working days: Mon-Fri, minus two vacation weeks and sick days; every agent
    -- works one weekend in five (so yesterday always has data, even on a Sunday).
    -- -----------------------------------------------------------------------
    CREATE TEMP TABLE coach_demo_days ON COMMIT DROP AS
    SELECT a.n, a.id AS agent_id, d.day
    FROM coach_demo_agents a
    CROSS JOIN LATERAL (
        SELECT g::date AS day,
               -- global week number (weeks start on Monday; 2000-01-03 was a Monday)
               (g::date - DATE '2000-01-03') / 7 AS week
        FROM generate_series(v_start, v_end, INTERVAL '1 day') AS g
    ) d
    WHERE d.week - (v_start - DATE '2000-01-03') / 7 NOT IN (a.vacation1, a.vacation2)
      AND CASE WHEN extract(isodow FROM d.day) <= 5 THEN TRUE
               ELSE (d.week + a.n + p_seed) % 5 = 0 END
      AND pg_temp.coach_demo_u(md5(s || 'presence:' || a.n || ':' || d.day), 1)
          >= a.absence_rate;
    CREATE INDEX ON coach_demo_days (n, day);
    ANALYZE coach_demo_agents;
    ANALYZE coach_demo_days;

    -- -----------------------------------------------------------------------
    -- Coaching sessions (planned first: the metrics respond to completed sessions)
    -- -----------------------------------------------------------------------
    CREATE TEMP TABLE coach_demo_sessions ON COMMIT DROP AS
    WITH raw AS (
        SELECT a.n, a.id AS agent_id, a.tl_id, a.slot, a.archetype, a.weak_issue, a.h, k,
               v_start + a.phase + k * a.cadence AS d0,
               md5(s || 'session:' || a.n || ':' || k) AS hs
        FROM coach_demo_agents a
        CROSS JOIN generate_series(0, 80) AS k
        WHERE v_start + a.phase + k * a.cadence <= v_horizon
    ), dated AS (
        SELECT r.*,
               CASE extract(isodow FROM r.d0)::int WHEN 6 THEN r.d0 - 1 WHEN 7 THEN r.d0 + 1
                                                   ELSE r.d0 END AS day
        FROM raw r
    ), planned AS (
        -- nobody books a session in the agent's vacation week
        SELECT d.*
        FROM dated d
        JOIN coach_demo_agents a ON a.n = d.n
        WHERE (d.day - DATE '2000-01-03') / 7 - (v_start - DATE '2000-01-03') / 7
              NOT IN (a.vacation1, a.vacation2)
    ), typed AS (
        SELECT d.*,
               md5(s || 'session:' || d.n || ':' || d.k)::uuid AS id,
               -- 40-minute slots from 08:00 UTC by the agent's place in the team: a team
               -- leader never has two sessions at once
               (d.day + make_interval(mins => 480 + d.slot * 40)) AT TIME ZONE 'UTC'
                   AS scheduled_date,
               CASE
                   WHEN d.day >= v_today THEN 'SCHEDULED'
                   WHEN NOT EXISTS (SELECT 1 FROM coach_demo_days w
                                    WHERE w.n = d.n AND w.day = d.day) THEN 'CANCELLED'
                   -- PIP check-ins always happen when the agent is in
                   WHEN d.archetype = 'pip_active' AND d.day >= v_plan_start THEN 'COMPLETED'
                   WHEN pg_temp.coach_demo_u(d.hs, 1) < 0.03 THEN 'CANCELLED'
                   WHEN pg_temp.coach_demo_u(d.hs, 1)
                        < CASE WHEN d.archetype IN ('critical', 'pip_draft') THEN 0.11
                               ELSE 0.055 END THEN 'NO_SHOW'
                   ELSE 'COMPLETED'
               END::session_status AS status,
               NOT EXISTS (SELECT 1 FROM coach_demo_days w
                           WHERE w.n = d.n AND w.day = d.day) AND d.day < v_today AS absent,
               CASE
                   WHEN d.archetype = 'pip_active' AND d.day >= v_plan_start THEN 'PIP_CHECK'
                   WHEN d.archetype IN ('critical', 'pip_draft')
                        AND pg_temp.coach_demo_u(d.hs, 2) < 0.25 THEN 'URGENT'
                   WHEN pg_temp.coach_demo_u(d.hs, 2) < 0.2 THEN 'FOLLOW_UP'
                   ELSE 'REGULAR'
               END::session_type AS session_type,
               CASE WHEN d.archetype = 'pip_active' AND d.day >= v_plan_start
                        THEN (ARRAY['Quality', 'AHT'])[1 + d.k % 2]
                    WHEN pg_temp.coach_demo_u(d.hs, 3) < 0.7 THEN d.weak_issue
                    ELSE (ARRAY['AHT', 'Quality', 'Service', 'Adherence', 'Attendance',
                                'Compliance'])[1 + floor(pg_temp.coach_demo_u(d.hs, 4) * 6)::int]
               END AS issue,
               (ARRAY['Role-play', 'Shadowing', 'Side-by-side', 'Training', 'Call review',
                      'Feedback'])[1 + floor(pg_temp.coach_demo_u(d.hs, 5) * 6)::int] AS method,
               CASE WHEN d.archetype IN ('critical', 'pip_draft', 'poor') THEN 2.6
                    WHEN d.archetype = 'star' THEN 4.2 ELSE 3.6 END AS engagement_base
        FROM planned d
    ), scored AS (
        SELECT t.*,
               greatest(1, least(5, round(t.engagement_base
                   + 0.9 * pg_temp.coach_demo_n(t.hs, 6))))::int AS engagement,
               greatest(1, least(5, round(t.engagement_base + 0.2
                   + 0.9 * pg_temp.coach_demo_n(md5(t.hs), 1))))::int AS receptiveness,
               greatest(1, least(5, round(t.engagement_base + 0.3
                   + 0.8 * pg_temp.coach_demo_n(md5(t.hs), 3))))::int AS understanding
        FROM typed t
    )
    SELECT sc.*,
           greatest(1, least(5, round((sc.engagement + sc.receptiveness + sc.understanding)
                                      / 3.0 + 0.6 * pg_temp.coach_demo_n(md5(sc.hs), 5))))::int
               AS overall,
           -- how much this method helps with this issue (points on the issue's score)
           CASE sc.method WHEN 'Side-by-side' THEN 3.2 WHEN 'Role-play' THEN 2.8
                          WHEN 'Shadowing' THEN 2.2 WHEN 'Call review' THEN 2.0
                          WHEN 'Training' THEN 1.4 ELSE 0.9 END
           + CASE WHEN sc.method = 'Role-play' AND sc.issue IN ('AHT', 'Service') THEN 1.6
                  WHEN sc.method = 'Shadowing' AND sc.issue = 'Quality' THEN 1.8
                  WHEN sc.method = 'Training' AND sc.issue IN ('Compliance', 'Quality') THEN 2.2
                  WHEN sc.method = 'Side-by-side' AND sc.issue IN ('AHT', 'Adherence') THEN 1.0
                  WHEN sc.method = 'Feedback' AND sc.issue = 'Attendance' THEN 2.4
                  ELSE 0 END AS method_effect
    FROM scored sc;
    ANALYZE coach_demo_sessions;

    -- Response of each working day to the completed sessions of the 4 weeks before it:
    -- ramps up over 5 days, holds until day 14, fades out by day 28.
    CREATE TEMP TABLE coach_demo_bumps ON COMMIT DROP AS
    SELECT w.n, w.day,
           sum(0.25 * x.e) AS b_level,
           sum(CASE WHEN c.issue = 'Service' THEN 1.6 * x.e ELSE 0 END) AS b_service,
           sum(CASE WHEN c.issue = 'AHT' THEN 1.6 * x.e ELSE 0 END) AS b_productivity,
           sum(CASE WHEN c.issue IN ('Quality', 'Compliance') THEN 1.6 * x.e ELSE 0 END)
               AS b_quality,
           sum(CASE WHEN c.issue = 'Attendance' THEN 1.6 * x.e ELSE 0 END) AS b_attendance,
           sum(CASE WHEN c.issue = 'Adherence' THEN 1.6 * x.e ELSE 0 END) AS b_adherence
    FROM coach_demo_days w
    JOIN coach_demo_sessions c
      ON c.n = w.n AND c.status = 'COMPLETED' AND w.day > c.day AND w.day < c.day + 28
    CROSS JOIN LATERAL (
        SELECT c.method_effect * (c.overall / 4.0)
               * CASE WHEN w.day - c.day <= 5 THEN (w.day - c.day) / 5.0
                      WHEN w.day - c.day <= 14 THEN 1.0
                      ELSE (28 - (w.day - c.day)) / 14.0 END AS e
    ) x
    GROUP BY w.n, w.day;

    INSERT INTO coaching_sessions (
        id, agent_id, team_leader_id, scheduled_date, actual_start_time, actual_end_time,
        session_type, status, topics_covered, discussion_notes, agent_commitments,
        resources_shared, engagement_score, receptiveness_score, understanding_score,
        overall_effectiveness, key_achievements, areas_of_concern, follow_up_required,
        follow_up_date, follow_up_topics, cancelled_reason, no_show_reason, created_at,
        updated_at)
    SELECT c.id, c.agent_id, c.tl_id, c.scheduled_date,
           CASE WHEN done THEN st END,
           CASE WHEN done
                THEN st + make_interval(mins => 18 + floor(pg_temp.coach_demo_u(c.hs, 8) * 18)::int)
           END,
           c.session_type, c.status,
           CASE WHEN done THEN topics END,
           CASE WHEN done THEN
               format('%s. %s %s', txt.focus, txt.method_note,
                      CASE WHEN c.overall >= 4 THEN 'Agent was engaged and set their own targets.'
                           WHEN c.overall >= 3 THEN 'Agent agreed with the plan.'
                           ELSE 'Agent was defensive; revisit the why next time.' END)
           END,
           CASE WHEN done THEN txt.commitment END,
           CASE WHEN done THEN txt.resources END,
           CASE WHEN done THEN c.engagement END,
           CASE WHEN done THEN c.receptiveness END,
           CASE WHEN done THEN c.understanding END,
           CASE WHEN done THEN c.overall END,
           CASE WHEN done THEN
               (ARRAY['Two compliments from customers this week',
                      'Closed every call with a clear next step',
                      'Zero compliance misses in the last QA sample',
                      'Helped a new hire with a tricky refund',
                      'Kept calm on a long escalated call',
                      'Used the new knowledge base article correctly'])
                   [1 + floor(pg_temp.coach_demo_u(md5(c.hs), 7) * 6)::int]
           END,
           CASE WHEN done THEN txt.concern END,
           done AND follow_up,
           CASE WHEN done AND follow_up THEN c.day + 7 END,
           CASE WHEN done AND follow_up THEN topics[1:1] END,
           CASE WHEN c.status = 'CANCELLED' THEN
               CASE WHEN c.absent THEN 'Agent absent (unplanned leave)'
                    ELSE (ARRAY['High call volume: all hands on the phones',
                                'Team leader pulled into an escalation review',
                                'Rescheduled at the agent''s request',
                                'System outage during the slot'])
                             [1 + floor(pg_temp.coach_demo_u(md5(c.hs), 8) * 4)::int] END
           END,
           CASE WHEN c.status = 'NO_SHOW' THEN
               (ARRAY['Agent did not join and did not reply to messages',
                      'Agent stuck on a long call, did not ask to be released',
                      'Agent forgot; calendar invite not accepted'])
                   [1 + floor(pg_temp.coach_demo_u(md5(c.hs), 8) * 3)::int]
           END,
           f.created,
           coalesce(CASE WHEN done THEN st + INTERVAL '40 minutes' END,
                    CASE WHEN c.status IN ('CANCELLED', 'NO_SHOW') THEN c.scheduled_date END,
                    f.created)
    FROM coach_demo_sessions c
    CROSS JOIN LATERAL (
        SELECT c.status = 'COMPLETED' AS done,
               c.scheduled_date
                   + make_interval(mins => floor(pg_temp.coach_demo_u(c.hs, 7) * 6)::int) AS st,
               c.archetype IN ('critical', 'pip_draft', 'pip_active')
                   OR pg_temp.coach_demo_u(md5(c.hs), 6) < 0.3 AS follow_up,
               -- booked about a week ahead, never later than yesterday evening
               least(c.scheduled_date - INTERVAL '6 days',
                     (v_end + TIME '17:00') AT TIME ZONE 'UTC') AS created
    ) f
    CROSS JOIN LATERAL (
        SELECT ARRAY(
            SELECT tp FROM unnest(CASE c.issue
                WHEN 'AHT' THEN ARRAY['Average handle time', 'Call control', 'Hold and mute usage',
                                      'After-call work', 'Knowledge base navigation']
                WHEN 'Quality' THEN ARRAY['QA scorecard review', 'Verification steps',
                                          'Accurate notes', 'Resolution checks', 'Call opening']
                WHEN 'Service' THEN ARRAY['Empathy statements', 'Active listening', 'CSAT comments',
                                          'Ownership language', 'De-escalation']
                WHEN 'Adherence' THEN ARRAY['Schedule adherence', 'Break timing', 'Aux code usage',
                                            'Logging in on time']
                WHEN 'Attendance' THEN ARRAY['Attendance', 'Punctuality', 'Shift swaps process',
                                             'Wellbeing check-in']
                ELSE ARRAY['Compliance script', 'Data protection', 'Call recording disclosure',
                           'Complaint handling']
            END) WITH ORDINALITY AS p(tp, i)
            ORDER BY md5(c.hs || i) LIMIT 2) || ARRAY['Wins since last session'] AS topics
    ) tp
    CROSS JOIN LATERAL (
        SELECT CASE c.issue
                   WHEN 'AHT' THEN 'Handle time is above the team target; long holds while searching the knowledge base'
                   WHEN 'Quality' THEN 'QA samples show skipped verification and thin call notes'
                   WHEN 'Service' THEN 'Customer comments mention a rushed tone; CSAT below team'
                   WHEN 'Adherence' THEN 'Late returns from breaks and long aux time'
                   WHEN 'Attendance' THEN 'Unplanned absences and late log-ins this month'
                   ELSE 'Missed the recording disclosure on two sampled calls'
               END AS focus,
               CASE c.method
                   WHEN 'Role-play' THEN 'Role-played three difficult calls and rehearsed the key phrases.'
                   WHEN 'Shadowing' THEN 'Agent will shadow a top performer for an hour this week.'
                   WHEN 'Side-by-side' THEN 'Sat side-by-side for five live calls with feedback after each.'
                   WHEN 'Training' THEN 'Booked the refresher module and walked through the material.'
                   WHEN 'Call review' THEN 'Listened to two recorded calls together and marked the gaps.'
                   ELSE 'Gave direct feedback with examples and agreed a measurable goal.'
               END AS method_note,
               CASE c.issue
                   WHEN 'AHT' THEN 'Use the call-flow cheat sheet; keep holds under 60 seconds.'
                   WHEN 'Quality' THEN 'Complete all verification steps and write notes before wrap-up.'
                   WHEN 'Service' THEN 'Use the customer''s name and one empathy statement per call.'
                   WHEN 'Adherence' THEN 'Set break reminders; log aux codes accurately.'
                   WHEN 'Attendance' THEN 'Log in five minutes before shift; report absences before start.'
                   ELSE 'Read the disclosure verbatim on every call.'
               END AS commitment,
               CASE c.issue
                   WHEN 'AHT' THEN ARRAY['Call-flow cheat sheet', 'KB: top 20 call drivers']
                   WHEN 'Quality' THEN ARRAY['QA scorecard guide', 'Note-taking template']
                   WHEN 'Service' THEN ARRAY['Empathy phrase bank']
                   WHEN 'Adherence' THEN ARRAY['Aux code reference']
                   WHEN 'Attendance' THEN ARRAY['Attendance policy', 'Shift swap form']
                   ELSE ARRAY['Compliance script v4', 'Data protection quick guide']
               END AS resources,
               CASE c.issue
                   WHEN 'AHT' THEN 'Handle time'
                   WHEN 'Quality' THEN 'Process accuracy'
                   WHEN 'Service' THEN 'Customer experience'
                   WHEN 'Adherence' THEN 'Schedule adherence'
                   WHEN 'Attendance' THEN 'Attendance reliability'
                   ELSE 'Compliance'
               END AS concern
    ) txt;

    -- -----------------------------------------------------------------------
    -- Daily performance metrics
    -- -----------------------------------------------------------------------
    INSERT INTO performance_metrics (
        id, agent_id, metric_date, service_score, productivity_score, quality_score,
        attendance_rate, adherence_score, csat, fcr, aht, calls_handled, calls_transferred,
        calls_escalated, scheduled_hours, actual_hours, break_time_minutes,
        lunch_time_minutes, aux_time_minutes, script_adherence, compliance_score, qa_score,
        created_at, updated_at)
    SELECT md5(s || 'metric:' || w.n || ':' || w.day)::uuid,
           w.agent_id, w.day,
           c.service, c.productivity, c.quality, c.attendance, c.adherence,
           pg_temp.coach_demo_clamp(1.2 + c.service * 0.038 + 0.18 * pg_temp.coach_demo_n(h.h2, 1),
                                    1, 5),
           o.fcr, o.aht, o.calls,
           greatest(0, round(o.calls * (0.02 + (100 - o.fcr) * 0.0012)
                             + pg_temp.coach_demo_n(h.h2, 3)))::int,
           greatest(0, round(o.calls * (0.004 + (100 - c.quality) * 0.0004)
                             + 0.7 * pg_temp.coach_demo_n(h.h2, 5)))::int,
           8.00, o.actual_hours, o.break_min, o.lunch_min, o.aux_min,
           pg_temp.coach_demo_clamp(c.quality + 6 + 3 * pg_temp.coach_demo_n(h.h3, 1), 0, 100),
           pg_temp.coach_demo_clamp(c.quality + 9 + coalesce(b.b_quality, 0)
                                    + 2.5 * pg_temp.coach_demo_n(h.h3, 3), 0, 100),
           pg_temp.coach_demo_clamp(c.quality + 4 * pg_temp.coach_demo_n(h.h3, 5), 0, 100),
           (w.day + TIME '23:00') AT TIME ZONE 'UTC',   -- loaded at the end of the day
           (w.day + TIME '23:00') AT TIME ZONE 'UTC'
    FROM coach_demo_days w
    JOIN coach_demo_agents a ON a.n = w.n
    LEFT JOIN coach_demo_bumps b ON b.n = w.n AND b.day = w.day
    CROSS JOIN LATERAL (
        SELECT md5(s || 'metric-a:' || w.n || ':' || w.day) AS h1,
               md5(s || 'metric-b:' || w.n || ':' || w.day) AS h2,
               md5(s || 'metric-c:' || w.n || ':' || w.day) AS h3,
               (w.day - v_start) / v_span AS t
        OFFSET 0  -- keeps each digest computed once per row (no subquery pull-up)
    ) h
    CROSS JOIN LATERAL (
        SELECT CASE WHEN a.archetype = 'pip_draft'  -- fine until the last quarter, then drops
                        THEN CASE WHEN h.t < 0.75 THEN a.start_level
                                  ELSE a.start_level + (a.end_level - a.start_level)
                                                       * (h.t - 0.75) / 0.25 END
                    ELSE a.start_level + (a.end_level - a.start_level) * h.t END
               + a.team_offset
               -- Mondays are hardest, Fridays a little better
               + CASE extract(isodow FROM w.day)::int
                     WHEN 1 THEN -2.5 WHEN 2 THEN -0.3 WHEN 3 THEN 0.2 WHEN 4 THEN 0.5
                     WHEN 5 THEN 1.5 ELSE -1.0 END
               -- holiday peak in December
               + CASE WHEN extract(month FROM w.day) = 12 THEN -1.5 ELSE 0 END
               -- the PIP works: steady recovery after the plan started
               + CASE WHEN a.archetype = 'pip_active' AND w.day >= v_plan_start
                          THEN least(4.0, (w.day - v_plan_start) / 5.0) ELSE 0 END
               + coalesce(b.b_level, 0)
               + 2.2 * pg_temp.coach_demo_n(h.h1, 1) AS lvl
        OFFSET 0
    ) l
    CROSS JOIN LATERAL (
        SELECT pg_temp.coach_demo_clamp(l.lvl + a.o_service + coalesce(b.b_service, 0)
                                        + 3.0 * pg_temp.coach_demo_n(h.h1, 3), 0, 100) AS service,
               pg_temp.coach_demo_clamp(l.lvl + a.o_productivity + coalesce(b.b_productivity, 0)
                                        + 3.0 * pg_temp.coach_demo_n(h.h1, 5), 0, 100)
                   AS productivity,
               pg_temp.coach_demo_clamp(l.lvl + a.o_quality + coalesce(b.b_quality, 0)
                                        + 3.5 * pg_temp.coach_demo_n(h.h1, 7), 0, 100) AS quality,
               pg_temp.coach_demo_clamp(l.lvl + 7 + a.o_attendance + coalesce(b.b_attendance, 0)
                                        + 3.0 * pg_temp.coach_demo_n(h.h2, 7), 0, 100)
                   AS attendance,
               pg_temp.coach_demo_clamp(l.lvl - 4 + a.o_adherence + coalesce(b.b_adherence, 0)
                                        + 3.0 * pg_temp.coach_demo_n(h.h3, 7), 0, 100) AS adherence
        OFFSET 0
    ) c
    CROSS JOIN LATERAL (
        SELECT greatest(150, round(235 + (100 - c.productivity) * 5.5
                                   + CASE WHEN extract(isodow FROM w.day) = 1 THEN 12 ELSE 0 END
                                   + 15 * pg_temp.coach_demo_n(h.h2, 2)))::int AS aht,
               pg_temp.coach_demo_clamp(c.service * 0.85 + 6 + 4 * pg_temp.coach_demo_n(h.h3, 2),
                                        0, 100) AS fcr,
               -- attendance is the share of the 8 scheduled hours worked; sometimes overtime
               round((8.0 * c.attendance / 100
                      + CASE WHEN pg_temp.coach_demo_u(h.h3, 4) < 0.04
                             THEN 0.5 + floor(pg_temp.coach_demo_u(h.h3, 6) * 4) * 0.5
                             ELSE 0 END)::numeric, 2) AS actual_hours,
               greatest(0, round(30 + (100 - c.adherence) * 0.25
                                 + 6 * pg_temp.coach_demo_u(h.h3, 8)))::int AS break_min,
               30 + floor(8 * pg_temp.coach_demo_u(h.h1, 2))::int AS lunch_min,
               (10 + floor(25 * pg_temp.coach_demo_u(h.h1, 4))
                + CASE WHEN pg_temp.coach_demo_u(h.h1, 6) < 0.05 THEN 45 ELSE 0 END)::int AS aux_min
        OFFSET 0
    ) o0
    CROSS JOIN LATERAL (
        SELECT o0.*,
               greatest(0, round((o0.actual_hours * 60 - o0.break_min - o0.lunch_min - o0.aux_min)
                                 * 60 * (0.8 + 0.08 * pg_temp.coach_demo_u(h.h2, 8)) / o0.aht))::int
                   AS calls
    ) o;

    -- -----------------------------------------------------------------------
    -- Quick notes: on agents' working days of the last 120 days
    -- -----------------------------------------------------------------------
    INSERT INTO quick_notes (
        id, team_leader_id, agent_id, note_type, category, subcategory, content, call_id,
        customer_id, timestamp_occurred, priority, requires_follow_up, linked_session_id,
        addressed, addressed_date, addressed_notes, created_at, updated_at)
    WITH picked AS (
        SELECT w.n, w.day, a.id AS agent_id, a.tl_id, a.archetype,
               md5(s || 'note:' || w.n || ':' || w.day) AS hn,
               row_number() OVER (PARTITION BY w.n
                                  ORDER BY md5(s || 'note-pick:' || w.n || ':' || w.day)) AS k,
               CASE WHEN a.archetype IN ('critical', 'pip_active', 'pip_draft', 'poor') THEN 16
                    ELSE 6 END
                   + floor(8 * pg_temp.coach_demo_u(a.h2, 8))::int AS wanted
        FROM coach_demo_days w
        JOIN coach_demo_agents a ON a.n = w.n
        WHERE w.day > v_end - 120
    ), typed AS (
        SELECT p.*,
               CASE WHEN uu.u < th.pos THEN 'POSITIVE'
                    WHEN uu.u < th.coach THEN 'COACHING'
                    WHEN uu.u < th.gen THEN 'GENERAL'
                    WHEN uu.u < th.urg THEN 'URGENT'
                    ELSE 'COMPLIANCE' END::note_type AS note_type,
               (p.day
                + make_interval(mins => 510 + floor(pg_temp.coach_demo_u(p.hn, 2) * 480)::int))
                   AT TIME ZONE 'UTC' AS occurred
        FROM picked p
        CROSS JOIN LATERAL (SELECT pg_temp.coach_demo_u(p.hn, 1) AS u) uu
        -- cumulative shares of POSITIVE, COACHING, GENERAL, URGENT (rest COMPLIANCE)
        CROSS JOIN LATERAL (
            SELECT * FROM (VALUES
                ('star', 0.60, 0.75, 0.92, 0.96),
                ('steady', 0.35, 0.65, 0.80, 0.90),
                ('improving', 0.35, 0.65, 0.80, 0.90),
                ('declining', 0.25, 0.60, 0.75, 0.88)) AS v(archetype, pos, coach, gen, urg)
            WHERE v.archetype = p.archetype
            UNION ALL
            SELECT p.archetype, 0.15, 0.50, 0.60, 0.80
            WHERE p.archetype IN ('critical', 'poor', 'pip_active', 'pip_draft')
        ) th
        WHERE p.k <= p.wanted
    ), texts AS (
        SELECT * FROM (VALUES
            ('POSITIVE', 1, 'Customer experience', 'Compliment', 'Customer thanked the agent by name for sorting out a double charge on the first call.'),
            ('POSITIVE', 2, 'Teamwork', 'Peer support', 'Helped a new hire through a tricky refund without being asked.'),
            ('POSITIVE', 3, 'Call handling', 'De-escalation', 'Calmed an angry caller and kept the call under six minutes. Great tone.'),
            ('POSITIVE', 4, 'Quality', 'Notes', 'Call notes were clear enough that the next agent resolved the follow-up in one call.'),
            ('COACHING', 1, 'Call handling', 'Hold time', 'Put the customer on hold three times while searching the knowledge base; suggest the cheat sheet.'),
            ('COACHING', 2, 'Call handling', 'Call control', 'Let the caller drift off topic for several minutes; practise steering back to the issue.'),
            ('COACHING', 3, 'Quality', 'Verification', 'Skipped the second verification question before discussing the account.'),
            ('COACHING', 4, 'Customer experience', 'Empathy', 'Tone sounded rushed at the end of the call; no empathy statement when the customer was upset.'),
            ('COACHING', 5, 'Adherence', 'Breaks', 'Came back from break 8 minutes late during the morning peak.'),
            ('GENERAL', 1, 'Admin', 'Schedule', 'Asked about swapping Friday shift next week; pointed to the shift swap form.'),
            ('GENERAL', 2, 'Wellbeing', 'Check-in', 'Mentioned feeling tired after a run of long calls; suggested a short reset break.'),
            ('GENERAL', 3, 'Development', 'Career', 'Interested in the QA analyst role; discuss at the next session.'),
            ('URGENT', 1, 'Customer experience', 'Escalation', 'Customer asked for a supervisor after a long hold; agent did not offer a call-back.'),
            ('URGENT', 2, 'Conduct', 'Professionalism', 'Raised voice with a customer on a disputed bill; call needs review today.'),
            ('URGENT', 3, 'Call handling', 'Dropped call', 'Call disconnected during a payment; no call-back attempt logged.'),
            ('COMPLIANCE', 1, 'Compliance', 'Disclosure', 'Recording disclosure not read at the start of the call.'),
            ('COMPLIANCE', 2, 'Compliance', 'Data protection', 'Read the full card number back to the caller.'),
            ('COMPLIANCE', 3, 'Compliance', 'Verification', 'Discussed account details before completing identity verification.')
        ) AS v(note_type, idx, category, subcategory, content)
    ), counted AS (
        SELECT note_type, count(*) AS cnt FROM texts GROUP BY note_type
    ), located AS (
        SELECT t.*,
               x.category, x.subcategory, x.content,
               (SELECT cs.id FROM coaching_sessions cs
                WHERE cs.agent_id = t.agent_id AND cs.status = 'COMPLETED'
                  AND cs.scheduled_date > t.occurred
                  AND cs.scheduled_date <= t.occurred + INTERVAL '21 days'
                ORDER BY cs.scheduled_date LIMIT 1) AS session_id,
               pg_temp.coach_demo_u(t.hn, 4) AS u_addr
        FROM typed t
        JOIN counted cn ON cn.note_type = t.note_type::text
        JOIN texts x ON x.note_type = t.note_type::text
                    AND x.idx = 1 + floor(pg_temp.coach_demo_u(t.hn, 3) * cn.cnt)::int
    ), addressed AS (
        SELECT l.*,
               CASE WHEN l.session_id IS NOT NULL
                         AND l.u_addr < CASE WHEN l.note_type = 'POSITIVE' THEN 0.5 ELSE 0.9 END
                        THEN 'session'
                    WHEN l.occurred < (v_today - 7)::timestamp AT TIME ZONE 'UTC' AND l.u_addr < 0.6
                        THEN 'floor'
                    ELSE NULL END AS how
        FROM located l
    )
    SELECT md5(s || 'note:' || a.n || ':' || a.day)::uuid,
           a.tl_id, a.agent_id, a.note_type, a.category, a.subcategory, a.content,
           CASE WHEN a.note_type <> 'GENERAL'
                THEN 'CALL-' || to_char(a.day, 'YYYYMMDD') || '-'
                     || lpad(floor(pg_temp.coach_demo_u(a.hn, 5) * 100000)::int::text, 5, '0') END,
           CASE WHEN a.note_type <> 'GENERAL'
                THEN 'CUST-'
                     || lpad(floor(pg_temp.coach_demo_u(a.hn, 6) * 1000000)::int::text, 6, '0') END,
           a.occurred,
           CASE WHEN a.note_type IN ('URGENT', 'COMPLIANCE') THEN 'HIGH'
                WHEN a.note_type = 'COACHING' THEN 'MEDIUM'
                WHEN a.note_type = 'GENERAL' AND pg_temp.coach_demo_u(a.hn, 7) < 0.4 THEN 'MEDIUM'
                ELSE 'LOW' END::priority_level,
           a.note_type IN ('URGENT', 'COMPLIANCE')
               OR (a.note_type = 'COACHING' AND pg_temp.coach_demo_u(a.hn, 7) < 0.6),
           CASE WHEN a.how = 'session' THEN a.session_id END,
           a.how IS NOT NULL,
           CASE WHEN a.how = 'session' THEN cs.actual_end_time
                WHEN a.how = 'floor' THEN a.occurred + INTERVAL '1 day 2 hours' END,
           CASE WHEN a.how = 'session'
                    THEN 'Discussed in the coaching session on '
                         || to_char(cs.scheduled_date, 'YYYY-MM-DD') || '.'
                WHEN a.how = 'floor'
                    THEN (ARRAY['Talked it through on the floor the next morning.',
                                'Shared with the agent by chat; acknowledged.',
                                'Covered in the team huddle.'])
                             [1 + floor(pg_temp.coach_demo_u(a.hn, 8) * 3)::int] END,
           a.occurred + INTERVAL '10 minutes',
           coalesce(CASE WHEN a.how = 'session' THEN cs.actual_end_time
                         WHEN a.how = 'floor' THEN a.occurred + INTERVAL '1 day 2 hours' END,
                    a.occurred + INTERVAL '10 minutes')
    FROM addressed a
    LEFT JOIN coaching_sessions cs ON cs.id = a.session_id AND a.how = 'session';

    -- -----------------------------------------------------------------------
    -- Action items from completed sessions
    -- -----------------------------------------------------------------------
    INSERT INTO action_items (
        id, session_id, agent_id, assigned_by, title, description, category, due_date,
        reminder_date, completed_date, priority, status, progress_percentage, progress_notes,
        blockers, completion_notes, verified_by, verification_date, created_at, updated_at)
    WITH items AS (
        SELECT c.*, j, md5(s || 'action:' || c.n || ':' || c.k || ':' || j) AS ha
        FROM coach_demo_sessions c
        CROSS JOIN generate_series(1, 2) AS j
        WHERE c.status = 'COMPLETED'
          AND j <= CASE WHEN pg_temp.coach_demo_u(c.hs, 8) < 0.4 THEN 0
                        WHEN pg_temp.coach_demo_u(c.hs, 8) < 0.85 THEN 1 ELSE 2 END
    ), texts AS (
        SELECT * FROM (VALUES
            ('AHT', 1, 'Use the call-flow cheat sheet', 'Keep the cheat sheet open on every call for two weeks and note where it did not help.', 'Skill development'),
            ('AHT', 2, 'Cut hold time', 'Keep every hold under 60 seconds; ask for help in the team chat instead of searching.', 'Efficiency'),
            ('Quality', 1, 'Complete the QA self-review', 'Score three of your own recorded calls with the QA scorecard and bring them to the next session.', 'Quality'),
            ('Quality', 2, 'Verification refresher', 'Finish the verification e-learning module and pass the quiz.', 'Training'),
            ('Service', 1, 'Empathy phrase practice', 'Use one empathy statement on every call with an upset customer; note three examples.', 'Skill development'),
            ('Service', 2, 'Review CSAT comments', 'Read last month''s CSAT comments and pick two habits to change.', 'Customer experience'),
            ('Adherence', 1, 'Break reminders', 'Set reminders for breaks and lunch; aim for less than 2 minutes late on return.', 'Adherence'),
            ('Adherence', 2, 'Aux code accuracy', 'Log the right aux code for every non-call activity for two weeks.', 'Adherence'),
            ('Attendance', 1, 'Attendance plan', 'Agree a plan with HR for the recurring Monday absences.', 'Attendance'),
            ('Attendance', 2, 'Log in on time', 'Be logged in and ready five minutes before shift start every day.', 'Attendance'),
            ('Compliance', 1, 'Compliance script sign-off', 'Read the compliance script v4 and sign it off in the LMS.', 'Compliance'),
            ('Compliance', 2, 'Disclosure on every call', 'Read the recording disclosure verbatim on every call; TL to sample five calls.', 'Compliance')
        ) AS v(issue, idx, title, description, category)
    ), dued AS (
        SELECT i.*, i.day + 7 + floor(pg_temp.coach_demo_u(i.ha, 1) * 14)::int AS due
        FROM items i
    ), shaped AS (
        SELECT i.*, x.title, x.description, x.category,
               pg_temp.coach_demo_u(i.ha, 2) AS u,
               CASE
                   WHEN i.due >= v_today THEN
                       CASE WHEN pg_temp.coach_demo_u(i.ha, 2) < 0.15 AND i.day + 1 < v_today
                                THEN 'done'
                            WHEN pg_temp.coach_demo_u(i.ha, 2) < 0.55 THEN 'open'
                            ELSE 'progress' END
                   WHEN i.day >= v_today - 45
                        AND pg_temp.coach_demo_u(i.ha, 2)
                            < CASE WHEN i.archetype IN ('critical', 'pip_draft', 'pip_active',
                                                        'poor')
                                   THEN 0.5 ELSE 0.25 END
                       THEN CASE WHEN pg_temp.coach_demo_u(i.ha, 3) < 0.5 THEN 'open'
                                 ELSE 'progress' END
                   WHEN pg_temp.coach_demo_u(i.ha, 2) > 0.95 THEN 'cancelled'
                   ELSE 'done'
               END AS fate
        FROM dued i
        JOIN texts x ON x.issue = i.issue AND x.idx = i.j
    ), timed AS (
        SELECT sh.*,
               -- completed between the day after the session and two days after the due date
               CASE WHEN sh.fate = 'done' THEN
                   (least(v_end, sh.day + 1 + floor(pg_temp.coach_demo_u(sh.ha, 4)
                                                    * (sh.due - sh.day + 2))::int)
                    + make_interval(mins => 600 + floor(pg_temp.coach_demo_u(sh.ha, 5) * 420)::int))
                   AT TIME ZONE 'UTC' END AS done_at,
               sh.scheduled_date + INTERVAL '45 minutes' AS created
        FROM shaped sh
    )
    SELECT md5(s || 'action:' || t.n || ':' || t.k || ':' || t.j)::uuid,
           t.id, t.agent_id, t.tl_id, t.title, t.description, t.category,
           t.due, t.due - 2, t.done_at,
           CASE WHEN t.archetype IN ('critical', 'pip_draft', 'pip_active')
                     OR t.issue = 'Compliance'
                    THEN 'HIGH'
                WHEN pg_temp.coach_demo_u(t.ha, 6) < 0.25 THEN 'LOW'
                ELSE 'MEDIUM' END::priority_level,
           -- open items past due become OVERDUE through the schema's trigger
           CASE t.fate WHEN 'done' THEN 'COMPLETED' WHEN 'cancelled' THEN 'CANCELLED'
                       WHEN 'progress' THEN 'IN_PROGRESS' ELSE 'PENDING' END::action_item_status,
           CASE t.fate WHEN 'done' THEN 100
                       WHEN 'progress' THEN 20 + 10 * floor(pg_temp.coach_demo_u(t.ha, 7) * 6)::int
                       ELSE 0 END,
           CASE WHEN t.fate = 'progress' THEN 'Started; halfway through.' END,
           CASE WHEN t.fate IN ('open', 'progress') AND t.due < v_today
                     AND pg_temp.coach_demo_u(t.ha, 8) < 0.5
                    THEN (ARRAY['No time off the phones during peak weeks',
                                'Training module access not granted yet'])
                             [1 + floor(pg_temp.coach_demo_u(md5(t.ha), 1) * 2)::int] END,
           CASE WHEN t.fate = 'done'
                    THEN (ARRAY['Done, reviewed together.', 'Completed; evidence in the LMS.',
                                'Done and already seeing results.'])
                             [1 + floor(pg_temp.coach_demo_u(md5(t.ha), 2) * 3)::int]
                WHEN t.fate = 'cancelled' THEN 'No longer relevant after the process change.' END,
           CASE WHEN t.fate = 'done' AND pg_temp.coach_demo_u(md5(t.ha), 3) < 0.7
                     AND t.done_at < v_end::timestamp AT TIME ZONE 'UTC' THEN t.tl_id END,
           CASE WHEN t.fate = 'done' AND pg_temp.coach_demo_u(md5(t.ha), 3) < 0.7
                     AND t.done_at < v_end::timestamp AT TIME ZONE 'UTC'
                THEN t.done_at + INTERVAL '1 day' END,
           t.created,
           greatest(t.created, coalesce(t.done_at, t.created))
    FROM timed t;

    -- -----------------------------------------------------------------------
    -- PIPs: one ACTIVE (approved by the agent's manager), one DRAFT
    -- -----------------------------------------------------------------------
    INSERT INTO action_plans (
        id, agent_id, created_by, approved_by, start_date, target_end_date, status,
        reason_for_plan, target_metrics, success_criteria, check_in_frequency,
        next_check_in_date, progress_updates, current_score, created_at, updated_at)
    SELECT md5(s || 'plan:active')::uuid, a.id, a.tl_id, a.manager_id,
           v_plan_start, v_plan_start + 60, 'ACTIVE',
           format('Composite score averaged %s over the four weeks before the plan (team: %s). '
                  'Quality (%s) and handle time (%s s) are the main gaps; coaching on both '
                  'since the spring has not closed them.',
                  round(m0.composite, 1), round(tm.composite, 1), round(m0.quality, 1),
                  round(m0.aht)),
           jsonb_build_object(
               'quality_score', jsonb_build_object('target', 80, 'current', round(m0.quality, 1)),
               'aht', jsonb_build_object('target', 330, 'current', round(m0.aht)),
               'composite_score', jsonb_build_object('target', 75,
                                                     'current', round(m0.composite, 1))),
           jsonb_build_object(
               'mandatory', jsonb_build_array('quality_score >= 80', 'aht <= 330'),
               'recommended', jsonb_build_array('complete_training', 'shadow_top_performer')),
           'WEEKLY',
           (SELECT min(c.day) FROM coach_demo_sessions c
            WHERE c.n = a.n AND c.day >= v_today AND c.session_type = 'PIP_CHECK'),
           coalesce(pu.updates, '[]'::jsonb),
           pu.last_score,
           (v_plan_start - 3 + TIME '15:00') AT TIME ZONE 'UTC',
           coalesce(pu.last_at, (v_plan_start - 3 + TIME '15:00') AT TIME ZONE 'UTC')
    FROM coach_demo_agents a
    CROSS JOIN LATERAL (
        SELECT avg(pm.composite_score) AS composite, avg(pm.quality_score) AS quality,
               avg(pm.aht) AS aht
        FROM performance_metrics pm
        WHERE pm.agent_id = a.id AND pm.metric_date >= v_plan_start - 28
          AND pm.metric_date < v_plan_start
    ) m0
    CROSS JOIN LATERAL (
        SELECT avg(pm.composite_score) AS composite
        FROM performance_metrics pm JOIN users u ON u.id = pm.agent_id
        WHERE u.team_leader_id = a.tl_id AND pm.metric_date >= v_plan_start - 28
          AND pm.metric_date < v_plan_start
    ) tm
    LEFT JOIN LATERAL (
        SELECT jsonb_agg(jsonb_build_object(
                   'date', c.day,
                   'session_id', c.id,
                   'metrics', jsonb_build_object('quality_score', round(m.quality, 2),
                                                 'aht', round(m.aht),
                                                 'composite_score', round(m.composite, 2)),
                   'criteria', jsonb_build_array(
                       jsonb_build_object('criterion', 'quality_score >= 80',
                                          'met', m.quality >= 80),
                       jsonb_build_object('criterion', 'aht <= 330', 'met', m.aht <= 330)),
                   'score', sc.score,
                   'notes', CASE WHEN sc.score = 100 THEN 'All mandatory criteria met.'
                                 WHEN m.composite > m0.composite + 1
                                     THEN format('Improving: composite %s against %s at the '
                                                 'start; not all targets met yet.',
                                                 round(m.composite, 1), round(m0.composite, 1))
                                 ELSE 'No clear change yet; targets not met.' END)
                   ORDER BY c.day) AS updates,
               (array_agg(sc.score ORDER BY c.day DESC))[1] AS last_score,
               max(c.scheduled_date + INTERVAL '45 minutes') AS last_at
        FROM coach_demo_sessions c
        CROSS JOIN LATERAL (
            SELECT avg(pm.quality_score) AS quality, avg(pm.aht) AS aht,
                   avg(pm.composite_score) AS composite
            FROM performance_metrics pm
            WHERE pm.agent_id = c.agent_id AND pm.metric_date >= c.day - 14
              AND pm.metric_date < c.day
        ) m
        CROSS JOIN LATERAL (
            SELECT (50.0 * ((m.quality >= 80)::int + (m.aht <= 330)::int))::numeric(5,2) AS score
        ) sc
        WHERE c.n = a.n AND c.session_type = 'PIP_CHECK' AND c.status = 'COMPLETED'
    ) pu ON TRUE
    WHERE a.archetype = 'pip_active';

    INSERT INTO action_plans (
        id, agent_id, created_by, start_date, target_end_date, status, reason_for_plan,
        target_metrics, success_criteria, check_in_frequency, created_at, updated_at)
    SELECT md5(s || 'plan:draft')::uuid, a.id, a.tl_id,
           v_today + (8 - extract(isodow FROM v_today)::int),   -- next Monday
           v_today + (8 - extract(isodow FROM v_today)::int) + 30,
           'DRAFT',
           format('Composite score fell to %s over the last 30 days (from %s three months ago), '
                  'driven by attendance (%s) and schedule adherence (%s). '
                  'Draft for manager approval.',
                  round(m.composite, 1), round(m_old.composite, 1), round(m.attendance, 1),
                  round(m.adherence, 1)),
           jsonb_build_object(
               'attendance_rate', jsonb_build_object('target', 92,
                                                     'current', round(m.attendance, 1)),
               'adherence_score', jsonb_build_object('target', 85,
                                                     'current', round(m.adherence, 1)),
               'composite_score', jsonb_build_object('target', 70,
                                                     'current', round(m.composite, 1))),
           jsonb_build_object(
               'mandatory', jsonb_build_array('attendance_rate >= 92', 'adherence_score >= 85',
                                              'no_unplanned_absences'),
               'recommended', jsonb_build_array('attendance_support_meeting',
                                                'review_shift_pattern')),
           'TWICE_WEEKLY',
           (v_end + TIME '16:00') AT TIME ZONE 'UTC',
           (v_end + TIME '16:00') AT TIME ZONE 'UTC'
    FROM coach_demo_agents a
    CROSS JOIN LATERAL (
        SELECT avg(pm.composite_score) AS composite, avg(pm.attendance_rate) AS attendance,
               avg(pm.adherence_score) AS adherence
        FROM performance_metrics pm
        WHERE pm.agent_id = a.id AND pm.metric_date > v_end - 30
    ) m
    CROSS JOIN LATERAL (
        SELECT avg(pm.composite_score) AS composite
        FROM performance_metrics pm
        WHERE pm.agent_id = a.id AND pm.metric_date > v_end - 120 AND pm.metric_date <= v_end - 90
    ) m_old
    WHERE a.archetype = 'pip_draft';

    -- -----------------------------------------------------------------------
    -- Coaching effectiveness for a sample of completed sessions
    -- -----------------------------------------------------------------------
    INSERT INTO coaching_effectiveness (
        id, session_id, agent_id, team_leader_id, primary_issue, intervention_method,
        metrics_before, metrics_after, measurement_period_days, improvement_percentage,
        sustained_after_30_days, sustained_after_90_days, success_factors, failure_factors,
        recommended_for_similar_issues, notes, created_at, updated_at)
    WITH chosen AS (
        SELECT c.*,
               CASE c.issue WHEN 'AHT' THEN 'aht' WHEN 'Quality' THEN 'quality_score'
                            WHEN 'Service' THEN 'service_score'
                            WHEN 'Adherence' THEN 'adherence_score'
                            WHEN 'Attendance' THEN 'attendance_rate'
                            ELSE 'compliance_score' END AS metric,
               c.day + 14 <= v_end AS measured
        FROM coach_demo_sessions c
        WHERE c.status = 'COMPLETED'
          AND pg_temp.coach_demo_u(md5(s || 'effect:' || c.n || ':' || c.k), 1) < 0.4
    ), windows AS (
        SELECT sm.*, b.j AS before_json, af.j AS after_json,
               (b.j ->> sm.metric)::numeric AS v_before,
               (af.j ->> sm.metric)::numeric AS v_after,
               (d30.j ->> sm.metric)::numeric AS v_30,
               (d90.j ->> sm.metric)::numeric AS v_90
        FROM chosen sm
        CROSS JOIN LATERAL (
            SELECT jsonb_build_object(
                       'from', sm.day - 14, 'to', sm.day - 1, 'days', count(*),
                       'composite_score', round(avg(composite_score), 2),
                       'service_score', round(avg(service_score), 2),
                       'productivity_score', round(avg(productivity_score), 2),
                       'quality_score', round(avg(quality_score), 2),
                       'attendance_rate', round(avg(attendance_rate), 2),
                       'adherence_score', round(avg(adherence_score), 2),
                       'compliance_score', round(avg(compliance_score), 2),
                       'csat', round(avg(csat), 2),
                       'aht', round(avg(aht), 1)) AS j
            FROM performance_metrics
            WHERE agent_id = sm.agent_id AND metric_date >= sm.day - 14 AND metric_date < sm.day
        ) b
        CROSS JOIN LATERAL (
            SELECT CASE WHEN sm.measured THEN jsonb_build_object(
                       'from', sm.day + 1, 'to', sm.day + 14, 'days', count(*),
                       'composite_score', round(avg(composite_score), 2),
                       'service_score', round(avg(service_score), 2),
                       'productivity_score', round(avg(productivity_score), 2),
                       'quality_score', round(avg(quality_score), 2),
                       'attendance_rate', round(avg(attendance_rate), 2),
                       'adherence_score', round(avg(adherence_score), 2),
                       'compliance_score', round(avg(compliance_score), 2),
                       'csat', round(avg(csat), 2),
                       'aht', round(avg(aht), 1)) END AS j
            FROM performance_metrics
            WHERE agent_id = sm.agent_id AND metric_date > sm.day AND metric_date <= sm.day + 14
        ) af
        CROSS JOIN LATERAL (
            SELECT CASE WHEN sm.day + 30 <= v_end THEN jsonb_build_object(
                       'quality_score', avg(quality_score), 'service_score', avg(service_score),
                       'adherence_score', avg(adherence_score),
                       'attendance_rate', avg(attendance_rate),
                       'compliance_score', avg(compliance_score), 'aht', avg(aht)) END AS j
            FROM performance_metrics
            WHERE agent_id = sm.agent_id
              AND metric_date > sm.day + 16 AND metric_date <= sm.day + 30
        ) d30
        CROSS JOIN LATERAL (
            SELECT CASE WHEN sm.day + 90 <= v_end THEN jsonb_build_object(
                       'quality_score', avg(quality_score), 'service_score', avg(service_score),
                       'adherence_score', avg(adherence_score),
                       'attendance_rate', avg(attendance_rate),
                       'compliance_score', avg(compliance_score), 'aht', avg(aht)) END AS j
            FROM performance_metrics
            WHERE agent_id = sm.agent_id
              AND metric_date > sm.day + 76 AND metric_date <= sm.day + 90
        ) d90
    ), scored AS (
        SELECT w.*,
               CASE WHEN w.v_before IS NULL OR w.v_before = 0 OR w.v_after IS NULL THEN NULL
                    WHEN w.metric = 'aht' THEN round((w.v_before - w.v_after) / w.v_before * 100, 2)
                    ELSE round((w.v_after - w.v_before) / w.v_before * 100, 2) END AS improvement,
               CASE WHEN w.v_30 IS NULL OR w.v_before IS NULL THEN NULL
                    WHEN w.metric = 'aht' THEN w.v_30 < w.v_before ELSE w.v_30 > w.v_before END
                   AS sustained30,
               CASE WHEN w.v_90 IS NULL OR w.v_before IS NULL THEN NULL
                    WHEN w.metric = 'aht' THEN w.v_90 < w.v_before ELSE w.v_90 > w.v_before END
                   AS sustained90
        FROM windows w
    )
    SELECT md5(s || 'effect:' || sc.n || ':' || sc.k)::uuid,
           sc.id, sc.agent_id, sc.tl_id, sc.issue, sc.method,
           sc.before_json, sc.after_json, 14, sc.improvement,
           -- sustained: still better than before 30 (90) days on, after an improvement
           CASE WHEN sc.improvement IS NOT NULL THEN sc.sustained30 AND sc.improvement > 0 END,
           CASE WHEN sc.improvement IS NOT NULL THEN sc.sustained90 AND sc.improvement > 0 END,
           CASE WHEN sc.improvement > 0 THEN
               ARRAY(SELECT f FROM unnest(ARRAY['Agent practised between sessions',
                                                'Clear, measurable goal',
                                                'Immediate feedback on live calls',
                                                'Peer example to copy',
                                                'Follow-up within a week'])
                                                    WITH ORDINALITY AS q(f, i)
                     ORDER BY md5(sc.hs || 'sf' || i) LIMIT 2) END,
           CASE WHEN sc.improvement <= 0 THEN
               ARRAY(SELECT f FROM unnest(ARRAY['High call volume limited practice time',
                                                'Goal too broad',
                                                'Agent disengaged during the session',
                                                'Knowledge gap needs formal training',
                                                'Schedule changes interrupted follow-up'])
                                                    WITH ORDINALITY AS q(f, i)
                     ORDER BY md5(sc.hs || 'ff' || i) LIMIT 2) END,
           coalesce(sc.improvement > 5, FALSE),
           CASE WHEN sc.improvement IS NULL
                    THEN format('%s on %s; after-period not complete yet.', sc.method,
                                lower(sc.issue))
                ELSE format('%s on %s: %s %s%% over %s days.', sc.method, lower(sc.issue),
                            sc.metric, sc.improvement, 14) END,
           sc.scheduled_date + INTERVAL '1 hour',
           CASE WHEN sc.measured THEN (sc.day + 14 + TIME '23:30') AT TIME ZONE 'UTC'
                ELSE sc.scheduled_date + INTERVAL '1 hour' END
    FROM scored sc;

    -- -----------------------------------------------------------------------
    -- Agent profiles
    -- -----------------------------------------------------------------------
    INSERT INTO agent_profiles (
        agent_id, learning_style, preferred_feedback_method, primary_motivators, demotivators,
        core_strengths, development_areas, hidden_talents, stress_indicators, success_patterns,
        best_coaching_time, preferred_session_length, responds_well_to, career_aspirations,
        personal_goals, peer_comparison_opt_in, percentile_ranking, profile_created_by,
        last_updated_by, created_at, updated_at)
    WITH recent AS (
        SELECT a.n,
               avg(pm.service_score) AS service, avg(pm.productivity_score) AS productivity,
               avg(pm.quality_score) AS quality, avg(pm.attendance_rate) AS attendance,
               avg(pm.adherence_score) AS adherence, avg(pm.composite_score) AS composite
        FROM coach_demo_agents a
        JOIN performance_metrics pm ON pm.agent_id = a.id AND pm.metric_date > v_end - 30
        GROUP BY a.n
    ), ranked AS (
        SELECT r.n,
               round(100 * percent_rank() OVER (ORDER BY r.service)) AS p_service,
               round(100 * percent_rank() OVER (ORDER BY r.productivity)) AS p_productivity,
               round(100 * percent_rank() OVER (ORDER BY r.quality)) AS p_quality,
               round(100 * percent_rank() OVER (ORDER BY r.attendance)) AS p_attendance,
               round(100 * percent_rank() OVER (ORDER BY r.adherence)) AS p_adherence,
               round(100 * percent_rank() OVER (ORDER BY r.composite)) AS p_composite
        FROM recent r
    )
    SELECT a.id,
           upper(a.learning_style)::learning_style,
           (ARRAY['Written', 'Verbal', 'Demonstration'])
               [1 + floor(pg_temp.coach_demo_u(hp.h, 1) * 3)::int],
           ARRAY(SELECT m FROM unnest(ARRAY['Recognition', 'Career growth', 'Mastery',
                                            'Team spirit', 'Bonus targets', 'Helping customers',
                                            'Flexible schedule']) WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'mot' || i) LIMIT 2 + (a.n % 2)),
           ARRAY(SELECT m FROM unnest(ARRAY['Micromanagement', 'Unclear targets',
                                            'Repetitive calls', 'Public criticism',
                                            'Last-minute schedule changes'])
                                                WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'dem' || i) LIMIT 2),
           ARRAY(SELECT st FROM (VALUES ('Empathy and rapport', a.o_service),
                                        ('Efficient call control', a.o_productivity),
                                        ('Accurate, thorough work', a.o_quality),
                                        ('Reliable attendance', a.o_attendance),
                                        ('Schedule discipline', a.o_adherence)) AS v(st, o)
                 ORDER BY o DESC LIMIT 2),
           ARRAY(SELECT st FROM (VALUES ('Customer empathy', a.o_service),
                                        ('Handle time', a.o_productivity),
                                        ('Process accuracy', a.o_quality),
                                        ('Attendance', a.o_attendance),
                                        ('Schedule adherence', a.o_adherence)) AS v(st, o)
                 ORDER BY o LIMIT 2),
           ARRAY[(ARRAY['Explains technical issues simply', 'Spanish speaker',
                        'Good with spreadsheets', 'Calms angry callers', 'Natural trainer',
                        'Spots process gaps'])[1 + floor(pg_temp.coach_demo_u(hp.h, 2) * 6)::int]],
           ARRAY(SELECT m FROM unnest(ARRAY['Shorter answers', 'Longer after-call work',
                                            'Skips breaks', 'Quiet in huddles',
                                            'More transfers']) WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'str' || i) LIMIT 2),
           ARRAY(SELECT m FROM unnest(ARRAY['Strong after a 1:1', 'Best in the morning',
                                            'Improves with clear targets',
                                            'Responds to peer examples']) WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'suc' || i) LIMIT 2),
           (ARRAY['Morning', 'Afternoon', 'End of shift'])
               [1 + floor(pg_temp.coach_demo_u(hp.h, 3) * 3)::int],
           (ARRAY[20, 30, 30, 45])[1 + floor(pg_temp.coach_demo_u(hp.h, 4) * 4)::int],
           ARRAY(SELECT m FROM unnest(ARRAY['Specific examples', 'Call recordings',
                                            'Data and charts', 'Praise first',
                                            'Practice by role-play', 'Written summaries'])
                                      WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'rwt' || i) LIMIT 2),
           (ARRAY['Team leader within two years', 'Move into QA', 'Become a trainer',
                  'Join workforce management', 'Stay on the phones; become a subject expert'])
               [1 + floor(pg_temp.coach_demo_u(hp.h, 5) * 5)::int],
           (ARRAY['Reach a composite of 90', 'Finish the advanced product course',
                  'Zero late log-ins this quarter', 'Mentor a new hire'])
               [1 + floor(pg_temp.coach_demo_u(hp.h, 6) * 4)::int],
           opt.opt_in,
           CASE WHEN opt.opt_in THEN jsonb_build_object(
               'service', rk.p_service, 'productivity', rk.p_productivity,
               'quality', rk.p_quality, 'attendance', rk.p_attendance,
               'adherence', rk.p_adherence, 'composite', rk.p_composite) END,
           a.tl_id, a.tl_id,
           (v_start - 7 + TIME '12:00') AT TIME ZONE 'UTC',
           (v_end - (a.n % 60) + TIME '12:00') AT TIME ZONE 'UTC'
    FROM coach_demo_agents a
    CROSS JOIN LATERAL (SELECT md5(s || 'profile:' || a.n) AS h) hp
    CROSS JOIN LATERAL (SELECT pg_temp.coach_demo_u(hp.h, 7) < 0.85 AS opt_in) opt
    LEFT JOIN ranked rk ON rk.n = a.n;

    DROP TABLE coach_demo_agents, coach_demo_days, coach_demo_sessions, coach_demo_bumps;

    REFRESH MATERIALIZED VIEW team_performance_summary;
END;
$fn$;
)coach_sql";

// Drops what kDemoSql created (run after the loader, before COMMIT).
inline constexpr std::string_view kDemoCleanupSql =
    "DROP FUNCTION pg_temp.coach_load_demo(integer, text), pg_temp.coach_demo_n(text, integer), "
    "pg_temp.coach_demo_u(text, integer), "
    "pg_temp.coach_demo_clamp(double precision, double precision, double precision)";

}  // namespace coach::demo
