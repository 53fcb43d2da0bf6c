-- Creates pg_temp.coach_demo_load_agents, a step of the demo loader (create_loader.sql calls the
-- steps in order, passing each the variables it reads). It writes the 80 agents: their traits
-- first (scratch table coach_demo_agents), then their users rows. Archetypes (by a seeded
-- shuffle): 1 ACTIVE PIP, 1 DRAFT PIP, 2 critical, 2 poor, 10 improving, 8 declining, 6 stars, the
-- rest steady.
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_agents(
    s text, p_seed integer, p_password_hash text, v_start date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
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
END;
$fn$;
