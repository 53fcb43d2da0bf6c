-- The staging table of a USERS import (filled by users_copy.sql).
CREATE TEMP TABLE import_staging (
    row_no int, id uuid, is_new boolean, email text, name text, role user_role,
    team_leader_id uuid, manager_id uuid, department text, employee_id text, hire_date date,
    phone text, status user_status, learning_style text, shift_pattern text, timezone text,
    password_hash text
) ON COMMIT DROP
