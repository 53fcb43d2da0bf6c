-- Ends keep_updated_at.sql: later writes of the transaction stamp updated_at again.
SELECT set_config('coach.restoring_import', 'off', true)
