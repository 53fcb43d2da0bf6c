-- time_zone: the session's TimeZone setting (what a sibling connection opens with).
SELECT current_setting('TimeZone') AS time_zone
