-- The restored rows keep their previous updated_at: update_updated_at_column() leaves it alone
-- while coach.restoring_import is on (0007_import_changes_generic.sql), for this transaction.
SELECT set_config('coach.restoring_import', 'on', true)
