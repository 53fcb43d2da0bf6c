-- 0020_list_pieces.sql — list statements no longer call functions that PostgreSQL inlines on
-- every plan (docs/architecture.md, "Pieces").
--
-- List statements have optional filters, so they are planned on every call, and inlining a
-- SQL function costs that plan a parse and analysis of its body: coach_readable_users (the
-- view user_subjects and the whole of coach_grant folded in) made the lists up to 2.5× slower
-- than before it, metric_days() and in_date_range() another 0.1 – 0.3 ms of planning each
-- (bench/RESULTS.md, "Issue 14: session 10"). Their SQL is now written into the statements at
-- build time, from src/auth/sql/pieces/reaches.sql, src/metrics/sql/pieces/metric_days.sql and
-- in_date_range.sql, with the list's reach computed in C++ (auth::list_reach).
DROP FUNCTION coach_readable_users(uuid, user_role, text);
DROP FUNCTION metric_days();
DROP FUNCTION in_date_range(date, date, date);

-- The users list is ordered by name: with this index a page is read in order and the scan
-- stops at the page's end, instead of sorting every user in scope.
CREATE INDEX idx_users_name_id ON users (name, id);
