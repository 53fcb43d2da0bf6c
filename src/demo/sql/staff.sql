-- Creates pg_temp.coach_demo_load_staff, a step of the demo loader (create_loader.sql calls the
-- steps in order, passing each the variables it reads). It writes the admin, the two managers and
-- the six team leaders (users).
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_staff(s text, p_password_hash text, v_today date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
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
END;
$fn$;
