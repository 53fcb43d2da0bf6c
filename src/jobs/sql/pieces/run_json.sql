-- A job_runs row {{1}} (its alias) as the API writes it: every column, its timestamps at UTC
-- (utc_json, migration 0026). A json value.
json_build_object(
    'id', {{1}}.id, 'job_name', {{1}}.job_name, 'status', {{1}}.status, 'params', {{1}}.params,
    'started_at', utc_json({{1}}.started_at), 'finished_at', utc_json({{1}}.finished_at),
    'rows_affected', {{1}}.rows_affected, 'error', {{1}}.error, 'instance', {{1}}.instance,
    'created_at', utc_json({{1}}.created_at), 'updated_at', utc_json({{1}}.updated_at))
