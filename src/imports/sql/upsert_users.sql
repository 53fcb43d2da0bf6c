-- The USERS upsert from import_staging (users_staging.sql), $1 the import's id. Existing users:
-- a blank cell (NULL) keeps the value, the hierarchy columns are set as checked; rows whose
-- values are all the same are not touched (skipped). New users: inserted, references to users
-- of the same statement are checked at its end. The previous values of the columns an import
-- writes (kTableTargets, "USERS") are recorded. inserted, updated: the counts.
WITH old AS (
    SELECT u.id, u.email, u.name, u.role, u.team_leader_id, u.manager_id, u.department,
           u.employee_id, u.hire_date, u.phone, u.status, u.learning_style, u.shift_pattern,
           u.timezone, u.updated_at
      FROM users u JOIN import_staging s ON s.id = u.id AND NOT s.is_new
), upd AS (
    UPDATE users u
       SET email = coalesce(s.email, u.email), name = coalesce(s.name, u.name),
           role = coalesce(s.role, u.role), team_leader_id = s.team_leader_id,
           manager_id = s.manager_id, department = coalesce(s.department, u.department),
           employee_id = coalesce(s.employee_id, u.employee_id),
           hire_date = coalesce(s.hire_date, u.hire_date), phone = coalesce(s.phone, u.phone),
           status = coalesce(s.status, u.status),
           learning_style = coalesce(s.learning_style, u.learning_style),
           shift_pattern = coalesce(s.shift_pattern, u.shift_pattern),
           timezone = coalesce(s.timezone, u.timezone)
      FROM import_staging s
     WHERE s.id = u.id AND NOT s.is_new
       AND (u.email, u.name, u.role, u.team_leader_id, u.manager_id, u.department,
            u.employee_id, u.hire_date, u.phone, u.status, u.learning_style, u.shift_pattern,
            u.timezone)
           IS DISTINCT FROM
           (coalesce(s.email, u.email), coalesce(s.name, u.name), coalesce(s.role, u.role),
            s.team_leader_id, s.manager_id, coalesce(s.department, u.department),
            coalesce(s.employee_id, u.employee_id), coalesce(s.hire_date, u.hire_date),
            coalesce(s.phone, u.phone), coalesce(s.status, u.status),
            coalesce(s.learning_style, u.learning_style),
            coalesce(s.shift_pattern, u.shift_pattern), coalesce(s.timezone, u.timezone))
    RETURNING u.id
), ins AS (
    INSERT INTO users (id, email, password_hash, name, role, team_leader_id, manager_id,
                       department, employee_id, hire_date, phone, status, learning_style,
                       shift_pattern, timezone)
    SELECT id, email, password_hash, name, role, team_leader_id, manager_id, department,
           employee_id, hire_date, phone, coalesce(status, 'ACTIVE'), learning_style,
           shift_pattern, coalesce(timezone, 'UTC')
      FROM import_staging WHERE is_new
    RETURNING id
), changes AS (
    INSERT INTO import_row_changes (import_id, table_name, row_id, action, before)
    SELECT $1::uuid, 'users', id, 'INSERTED'::import_change_action, NULL::jsonb FROM ins
    UNION ALL
    SELECT $1::uuid, 'users', old.id, 'UPDATED', to_jsonb(old) FROM upd JOIN old USING (id)
    RETURNING action
)
SELECT count(*) FILTER (WHERE action = 'INSERTED') AS inserted,
       count(*) FILTER (WHERE action = 'UPDATED') AS updated
  FROM changes
