-- The checked rows of a USERS file, in the order users_rows.cpp writes them.
COPY import_staging (row_no, id, is_new, email, name, role, team_leader_id, manager_id,
                     department, employee_id, hire_date, phone, status, learning_style,
                     shift_pattern, timezone, password_hash) FROM STDIN
