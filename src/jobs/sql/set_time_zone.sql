-- Sets the transaction's TimeZone to $1 (so CURRENT_DATE is the organisation's today).
SELECT set_config('TimeZone', $1, true)
