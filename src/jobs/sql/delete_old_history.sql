-- Deletes the history periods ending before $1 (date) - 3 years.
DELETE FROM performance_history WHERE period_ending < ($1::date - interval '3 years')::date
