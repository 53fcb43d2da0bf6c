-- 0006_dashboards.sql — what the dashboards read, precomputed per agent when the data changes:
--   agent_dashboard_snapshot  the metric figures of an agent's card (latest day, 30-day
--                             averages, trends, level), refreshed by refresh_agent_snapshots()
--                             after metric writes and nightly;
--   agent_coaching_facts      the coaching facts of the priority queue (last completed
--                             session, unaddressed HIGH notes, overdue action items, active
--                             PIP), kept current by statement triggers on the four tables.
-- A team dashboard then reads ~50 narrow rows by primary key instead of aggregating 30-60
-- days of metrics and four fact tables per agent on every request.
--
-- The level and trend rules are also written in C++ (src/dashboards/rules.{hpp,cpp}, unit
-- tested by hand); tests/integration/dashboard_rules_sql_test.cpp proves both agree. The
-- urgency score is computed by the C++ rule only (from the columns read here).
--
-- No BEGIN/COMMIT: the migration runner wraps this file in one transaction.

CREATE TYPE performance_level AS ENUM ('EXCELLENT', 'GOOD', 'FAIR', 'POOR', 'CRITICAL');
-- DECISION: a trend with fewer than 3 data points in either period is INSUFFICIENT_DATA
-- (an explicit value, not NULL: NULL would read as "no such metric").
CREATE TYPE metric_trend AS ENUM ('IMPROVING', 'STABLE', 'DECLINING', 'INSUFFICIENT_DATA');

-- ---------------------------------------------------------------------------
-- Rules (pure, IMMUTABLE, single-expression SQL functions: the planner inlines them)
-- ---------------------------------------------------------------------------

-- Performance level from a composite score: EXCELLENT >= 90, GOOD >= 80, FAIR >= 70,
-- POOR >= 60, CRITICAL < 60; NULL without a score.
CREATE FUNCTION performance_level_of(p_composite numeric)
RETURNS performance_level
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT CASE
           WHEN p_composite IS NULL THEN NULL
           WHEN p_composite >= 90 THEN 'EXCELLENT'::performance_level
           WHEN p_composite >= 80 THEN 'GOOD'::performance_level
           WHEN p_composite >= 70 THEN 'FAIR'::performance_level
           WHEN p_composite >= 60 THEN 'POOR'::performance_level
           ELSE 'CRITICAL'::performance_level
       END
$$;

-- Longest gap without coaching, in days, per level: 30, 14, 7, 3, 1.
-- DECISION: an agent without a level (no composite in the last 30 days) is held to 14 days.
CREATE FUNCTION coaching_gap_days(p_level performance_level)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT CASE p_level
           WHEN 'EXCELLENT' THEN 30
           WHEN 'GOOD' THEN 14
           WHEN 'FAIR' THEN 7
           WHEN 'POOR' THEN 3
           WHEN 'CRITICAL' THEN 1
           ELSE 14
       END
$$;

-- Trend of a metric from the sums and counts of its values in the current period and in
-- the previous period of equal length. Relative change of the average:
--   change = (cur_sum/cur_n - prev_sum/prev_n) / (prev_sum/prev_n)
-- IMPROVING at change >= +5 %, DECLINING at <= -5 %, else STABLE; the sign flips when lower
-- is better (AHT). Both sides are multiplied by cur_n * prev_n so the test is exact on the
-- stored decimals (no rounding of averages):
--   diff = cur_sum * prev_n - prev_sum * cur_n,  base = prev_sum * cur_n
--   IMPROVING  20 * diff >=  base      DECLINING  20 * diff <= -base
-- DECISION: no change at all (diff = 0) is STABLE even when the previous average is 0; from
-- a 0 average any rise is IMPROVING and (lower is better) any rise DECLINING.
-- INSUFFICIENT_DATA unless each period has at least 3 values.
CREATE FUNCTION metric_trend_of(p_cur_sum numeric, p_cur_n bigint, p_prev_sum numeric,
                                p_prev_n bigint, p_lower_is_better boolean)
RETURNS metric_trend
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT CASE
           WHEN coalesce(p_cur_n, 0) < 3 OR coalesce(p_prev_n, 0) < 3
               THEN 'INSUFFICIENT_DATA'::metric_trend
           WHEN p_cur_sum * p_prev_n = p_prev_sum * p_cur_n
               THEN 'STABLE'::metric_trend
           WHEN 20 * (p_cur_sum * p_prev_n - p_prev_sum * p_cur_n)
                    * (CASE WHEN p_lower_is_better THEN -1 ELSE 1 END) >= p_prev_sum * p_cur_n
               THEN 'IMPROVING'::metric_trend
           WHEN 20 * (p_cur_sum * p_prev_n - p_prev_sum * p_cur_n)
                    * (CASE WHEN p_lower_is_better THEN -1 ELSE 1 END) <= -(p_prev_sum * p_cur_n)
               THEN 'DECLINING'::metric_trend
           ELSE 'STABLE'::metric_trend
       END
$$;

-- json_build_object() writes {"k" : v, "k2" : v2}; the dashboards serve ~50 of these objects
-- per request, so the snapshot stores them without the spaces. Only for objects whose values
-- are numbers, dates, booleans, NULL or fixed words (no text that could hold " : " or ', "').
CREATE FUNCTION compact_json(p json)
RETURNS json
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT replace(replace(p::text, ' : ', ':'), ', "', ',"')::json
$$;

-- ---------------------------------------------------------------------------
-- agent_metric_stats — the metric figures of a dashboard card, set-based
-- ---------------------------------------------------------------------------
-- For the live (not deleted) AGENTs in p_agents (NULL: all of them), as of p_today:
--   latest: the agent's latest metric day on or before p_today (any age);
--   current period = the 30 days p_today-29 .. p_today, previous = p_today-59 .. p_today-30;
--   avg30_*: averages over the current period's days with a value, rounded to 2 decimals;
--   trends: metric_trend_of() per metric (AHT: lower is better);
--   performance_level: from avg30_composite_score (the rounded figure the user sees);
--   declining_metrics: the non-composite metrics whose trend is DECLINING, in column order.
-- Agents without metrics get a row of NULLs (and INSUFFICIENT_DATA trends).
CREATE FUNCTION agent_metric_stats(p_agents uuid[], p_today date)
RETURNS TABLE (
    agent_id                  uuid,
    team_leader_id            uuid,
    latest_metric_date        date,
    latest                    json,
    days_with_data            integer,
    avg30_service_score       numeric,
    avg30_productivity_score  numeric,
    avg30_quality_score       numeric,
    avg30_attendance_rate     numeric,
    avg30_adherence_score     numeric,
    avg30_composite_score     numeric,
    avg30_csat                numeric,
    avg30_fcr                 numeric,
    avg30_aht                 numeric,
    avg_30d                   json,
    trends                    json,
    composite_trend           metric_trend,
    declining_metrics         text[],
    performance_level         performance_level
)
LANGUAGE sql STABLE
AS $$
WITH sums AS (
    -- per metric: sum and count of the current (c_, cn_) and previous (p_, pn_) period
    SELECT pm.agent_id,
           count(*) FILTER (WHERE pm.metric_date > p_today - 30) AS days_cur,
           sum(pm.service_score) FILTER (WHERE pm.metric_date > p_today - 30) AS c_service,
           count(pm.service_score) FILTER (WHERE pm.metric_date > p_today - 30) AS cn_service,
           sum(pm.service_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS p_service,
           count(pm.service_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS pn_service,
           sum(pm.productivity_score) FILTER (WHERE pm.metric_date > p_today - 30) AS c_productivity,
           count(pm.productivity_score) FILTER (WHERE pm.metric_date > p_today - 30) AS cn_productivity,
           sum(pm.productivity_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS p_productivity,
           count(pm.productivity_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS pn_productivity,
           sum(pm.quality_score) FILTER (WHERE pm.metric_date > p_today - 30) AS c_quality,
           count(pm.quality_score) FILTER (WHERE pm.metric_date > p_today - 30) AS cn_quality,
           sum(pm.quality_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS p_quality,
           count(pm.quality_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS pn_quality,
           sum(pm.attendance_rate) FILTER (WHERE pm.metric_date > p_today - 30) AS c_attendance,
           count(pm.attendance_rate) FILTER (WHERE pm.metric_date > p_today - 30) AS cn_attendance,
           sum(pm.attendance_rate) FILTER (WHERE pm.metric_date <= p_today - 30) AS p_attendance,
           count(pm.attendance_rate) FILTER (WHERE pm.metric_date <= p_today - 30) AS pn_attendance,
           sum(pm.adherence_score) FILTER (WHERE pm.metric_date > p_today - 30) AS c_adherence,
           count(pm.adherence_score) FILTER (WHERE pm.metric_date > p_today - 30) AS cn_adherence,
           sum(pm.adherence_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS p_adherence,
           count(pm.adherence_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS pn_adherence,
           sum(pm.composite_score) FILTER (WHERE pm.metric_date > p_today - 30) AS c_composite,
           count(pm.composite_score) FILTER (WHERE pm.metric_date > p_today - 30) AS cn_composite,
           sum(pm.composite_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS p_composite,
           count(pm.composite_score) FILTER (WHERE pm.metric_date <= p_today - 30) AS pn_composite,
           sum(pm.csat) FILTER (WHERE pm.metric_date > p_today - 30) AS c_csat,
           count(pm.csat) FILTER (WHERE pm.metric_date > p_today - 30) AS cn_csat,
           sum(pm.csat) FILTER (WHERE pm.metric_date <= p_today - 30) AS p_csat,
           count(pm.csat) FILTER (WHERE pm.metric_date <= p_today - 30) AS pn_csat,
           sum(pm.fcr) FILTER (WHERE pm.metric_date > p_today - 30) AS c_fcr,
           count(pm.fcr) FILTER (WHERE pm.metric_date > p_today - 30) AS cn_fcr,
           sum(pm.fcr) FILTER (WHERE pm.metric_date <= p_today - 30) AS p_fcr,
           count(pm.fcr) FILTER (WHERE pm.metric_date <= p_today - 30) AS pn_fcr,
           sum(pm.aht) FILTER (WHERE pm.metric_date > p_today - 30) AS c_aht,
           count(pm.aht) FILTER (WHERE pm.metric_date > p_today - 30) AS cn_aht,
           sum(pm.aht) FILTER (WHERE pm.metric_date <= p_today - 30) AS p_aht,
           count(pm.aht) FILTER (WHERE pm.metric_date <= p_today - 30) AS pn_aht
      FROM performance_metrics pm
     WHERE pm.metric_date > p_today - 60
       AND pm.metric_date <= p_today
       AND (p_agents IS NULL OR pm.agent_id = ANY (p_agents))
     GROUP BY pm.agent_id
), figures AS (
    SELECT u.id AS agent_id,
           u.team_leader_id,
           coalesce(s.days_cur, 0)::integer AS days_with_data,
           round(s.c_service / nullif(s.cn_service, 0), 2)               AS avg_service,
           round(s.c_productivity / nullif(s.cn_productivity, 0), 2)     AS avg_productivity,
           round(s.c_quality / nullif(s.cn_quality, 0), 2)               AS avg_quality,
           round(s.c_attendance / nullif(s.cn_attendance, 0), 2)         AS avg_attendance,
           round(s.c_adherence / nullif(s.cn_adherence, 0), 2)           AS avg_adherence,
           round(s.c_composite / nullif(s.cn_composite, 0), 2)           AS avg_composite,
           round(s.c_csat / nullif(s.cn_csat, 0), 2)                     AS avg_csat,
           round(s.c_fcr / nullif(s.cn_fcr, 0), 2)                       AS avg_fcr,
           round(s.c_aht::numeric / nullif(s.cn_aht, 0), 2)              AS avg_aht,
           metric_trend_of(s.c_service, s.cn_service, s.p_service, s.pn_service, false)      AS t_service,
           metric_trend_of(s.c_productivity, s.cn_productivity, s.p_productivity,
                           s.pn_productivity, false)                                         AS t_productivity,
           metric_trend_of(s.c_quality, s.cn_quality, s.p_quality, s.pn_quality, false)      AS t_quality,
           metric_trend_of(s.c_attendance, s.cn_attendance, s.p_attendance,
                           s.pn_attendance, false)                                           AS t_attendance,
           metric_trend_of(s.c_adherence, s.cn_adherence, s.p_adherence, s.pn_adherence,
                           false)                                                            AS t_adherence,
           metric_trend_of(s.c_composite, s.cn_composite, s.p_composite, s.pn_composite,
                           false)                                                            AS t_composite,
           metric_trend_of(s.c_csat, s.cn_csat, s.p_csat, s.pn_csat, false)                  AS t_csat,
           metric_trend_of(s.c_fcr, s.cn_fcr, s.p_fcr, s.pn_fcr, false)                      AS t_fcr,
           metric_trend_of(s.c_aht::numeric, s.cn_aht, s.p_aht::numeric, s.pn_aht, true)     AS t_aht
      FROM users u
      LEFT JOIN sums s ON s.agent_id = u.id
     WHERE u.role = 'AGENT'
       AND u.deleted_at IS NULL
       AND (p_agents IS NULL OR u.id = ANY (p_agents))
)
SELECT f.agent_id,
       f.team_leader_id,
       l.metric_date,
       CASE WHEN l.metric_date IS NOT NULL THEN
           compact_json(json_build_object('metric_date', l.metric_date,
                             'service_score', l.service_score,
                             'productivity_score', l.productivity_score,
                             'quality_score', l.quality_score,
                             'attendance_rate', l.attendance_rate,
                             'adherence_score', l.adherence_score,
                             'composite_score', l.composite_score,
                             'csat', l.csat,
                             'fcr', l.fcr,
                             'aht', l.aht))
       END,
       f.days_with_data,
       f.avg_service, f.avg_productivity, f.avg_quality, f.avg_attendance, f.avg_adherence,
       f.avg_composite, f.avg_csat, f.avg_fcr, f.avg_aht,
       compact_json(json_build_object('days_with_data', f.days_with_data,
                         'service_score', f.avg_service,
                         'productivity_score', f.avg_productivity,
                         'quality_score', f.avg_quality,
                         'attendance_rate', f.avg_attendance,
                         'adherence_score', f.avg_adherence,
                         'composite_score', f.avg_composite,
                         'csat', f.avg_csat,
                         'fcr', f.avg_fcr,
                         'aht', f.avg_aht)),
       compact_json(json_build_object('service_score', f.t_service,
                         'productivity_score', f.t_productivity,
                         'quality_score', f.t_quality,
                         'attendance_rate', f.t_attendance,
                         'adherence_score', f.t_adherence,
                         'composite_score', f.t_composite,
                         'csat', f.t_csat,
                         'fcr', f.t_fcr,
                         'aht', f.t_aht)),
       f.t_composite,
       array_remove(ARRAY[
           CASE WHEN f.t_service = 'DECLINING' THEN 'service_score' END,
           CASE WHEN f.t_productivity = 'DECLINING' THEN 'productivity_score' END,
           CASE WHEN f.t_quality = 'DECLINING' THEN 'quality_score' END,
           CASE WHEN f.t_attendance = 'DECLINING' THEN 'attendance_rate' END,
           CASE WHEN f.t_adherence = 'DECLINING' THEN 'adherence_score' END,
           CASE WHEN f.t_csat = 'DECLINING' THEN 'csat' END,
           CASE WHEN f.t_fcr = 'DECLINING' THEN 'fcr' END,
           CASE WHEN f.t_aht = 'DECLINING' THEN 'aht' END
       ]::text[], NULL),
       performance_level_of(f.avg_composite)
  FROM figures f
  LEFT JOIN LATERAL (
      SELECT pm.metric_date, pm.service_score, pm.productivity_score, pm.quality_score,
             pm.attendance_rate, pm.adherence_score, pm.composite_score, pm.csat, pm.fcr, pm.aht
        FROM performance_metrics pm
       WHERE pm.agent_id = f.agent_id
         AND pm.metric_date <= p_today
       ORDER BY pm.metric_date DESC
       LIMIT 1
  ) l ON true
$$;

-- ---------------------------------------------------------------------------
-- Refresh locks
-- ---------------------------------------------------------------------------
-- A refresh computes from its statement's snapshot and then upserts, so two refreshes of the
-- same agent in concurrent transactions could let the one that saw less data write last.
-- Each refresh therefore first takes a transaction advisory lock per agent (in id order, so
-- they cannot deadlock each other) and computes only then, in a later statement whose
-- snapshot sees everything committed before the lock was granted (READ COMMITTED, the
-- server's isolation level). A refresh of everyone, or of more than 1000 agents, takes one
-- exclusive lock of its kind instead; per-agent refreshes hold that lock shared.
-- p_kind: 1 = snapshots, 2 = coaching facts. Keys (two-int form): (6060 + p_kind, 0) global,
-- (6070 + p_kind, hashtext(agent_id)) per agent (a hash collision only serializes more).
CREATE FUNCTION dashboard_refresh_lock(p_kind integer, p_agents uuid[])
RETURNS void
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF p_agents IS NULL OR cardinality(p_agents) > 1000 THEN
        PERFORM pg_advisory_xact_lock(6060 + p_kind, 0);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(6060 + p_kind, 0);
        PERFORM pg_advisory_xact_lock(6070 + p_kind, k.key)
           FROM (SELECT DISTINCT hashtext(a::text) AS key FROM unnest(p_agents) a) k
          ORDER BY k.key;
    END IF;
END;
$fn$;

-- ---------------------------------------------------------------------------
-- agent_dashboard_snapshot — agent_metric_stats() stored per agent
-- ---------------------------------------------------------------------------
-- Refreshed by refresh_agent_snapshots(): after metric writes (API, imports, rollback) for
-- the agents touched, and nightly for everyone (the windows move with the date). Readers
-- start from users, so an agent without a snapshot still shows (with NULL figures), and a
-- stale team_leader_id here never hides or moves anyone.
CREATE TABLE agent_dashboard_snapshot (
    agent_id                 UUID PRIMARY KEY REFERENCES users (id),
    team_leader_id           UUID REFERENCES users (id), -- users.team_leader_id at refresh
    as_of                    DATE NOT NULL,              -- p_today of the refresh
    latest_metric_date       DATE,
    latest                   JSON,                       -- the latest day, as served
    days_with_data           INTEGER NOT NULL CHECK (days_with_data BETWEEN 0 AND 30),
    avg30_service_score      NUMERIC(5,2),
    avg30_productivity_score NUMERIC(5,2),
    avg30_quality_score      NUMERIC(5,2),
    avg30_attendance_rate    NUMERIC(5,2),
    avg30_adherence_score    NUMERIC(5,2),
    avg30_composite_score    NUMERIC(5,2),
    avg30_csat               NUMERIC(3,2),
    avg30_fcr                NUMERIC(5,2),
    avg30_aht                NUMERIC(12,2),
    avg_30d                  JSON NOT NULL,              -- the averages, as served
    trends                   JSON NOT NULL,              -- {column: metric_trend}, as served
    composite_trend          metric_trend NOT NULL,
    declining_metrics        TEXT[] NOT NULL,            -- non-composite, DECLINING
    performance_level        performance_level,
    -- The figures as the members of a dashboard card's JSON object, ready to serve:
    -- "snapshot_as_of":"..","performance_level":..,"latest":..,"avg_30d":..,"trends":..
    card                     TEXT NOT NULL,
    computed_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_dashboard_snapshot_team_leader ON agent_dashboard_snapshot (team_leader_id); -- FK index

CREATE TRIGGER update_agent_dashboard_snapshot_updated_at
    BEFORE UPDATE ON agent_dashboard_snapshot
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Recomputes the snapshots of p_agents (NULL: every agent) as of p_today (NULL: today);
-- removes those of agents that are gone (deleted or no longer AGENTs). Returns the number of
-- snapshots written. One set-based statement (EXECUTE: planned with the actual arguments, so one
-- agent reads its own ~60 rows by index and a full refresh scans the 60-day window once).
CREATE FUNCTION refresh_agent_snapshots(p_agents uuid[] DEFAULT NULL,
                                        p_today date DEFAULT CURRENT_DATE)
RETURNS bigint
LANGUAGE plpgsql
AS $fn$
DECLARE
    written bigint;
BEGIN
    p_today := coalesce(p_today, CURRENT_DATE);  -- an explicit NULL means today too
    PERFORM dashboard_refresh_lock(1, p_agents);
    DELETE FROM agent_dashboard_snapshot s
     WHERE (p_agents IS NULL OR s.agent_id = ANY (p_agents))
       AND NOT EXISTS (SELECT 1 FROM users u
                        WHERE u.id = s.agent_id AND u.role = 'AGENT' AND u.deleted_at IS NULL);
    EXECUTE $sql$
        INSERT INTO agent_dashboard_snapshot AS d (
            agent_id, team_leader_id, as_of, latest_metric_date, latest, days_with_data,
            avg30_service_score, avg30_productivity_score, avg30_quality_score,
            avg30_attendance_rate, avg30_adherence_score, avg30_composite_score,
            avg30_csat, avg30_fcr, avg30_aht, avg_30d, trends, composite_trend,
            declining_metrics, performance_level, card, computed_at)
        SELECT st.agent_id, st.team_leader_id, $2, st.latest_metric_date, st.latest,
               st.days_with_data,
               st.avg30_service_score, st.avg30_productivity_score, st.avg30_quality_score,
               st.avg30_attendance_rate, st.avg30_adherence_score, st.avg30_composite_score,
               st.avg30_csat, st.avg30_fcr, st.avg30_aht, st.avg_30d, st.trends,
               st.composite_trend, st.declining_metrics, st.performance_level,
               '"snapshot_as_of":"' || to_char($2, 'YYYY-MM-DD')
               || '","performance_level":'
               || coalesce('"' || st.performance_level::text || '"', 'null')
               || ',"latest":' || coalesce(st.latest::text, 'null')
               || ',"avg_30d":' || st.avg_30d::text
               || ',"trends":' || st.trends::text,
               now()
          FROM agent_metric_stats($1, $2) st
        ON CONFLICT (agent_id) DO UPDATE SET
            team_leader_id           = EXCLUDED.team_leader_id,
            as_of                    = EXCLUDED.as_of,
            latest_metric_date       = EXCLUDED.latest_metric_date,
            latest                   = EXCLUDED.latest,
            days_with_data           = EXCLUDED.days_with_data,
            avg30_service_score      = EXCLUDED.avg30_service_score,
            avg30_productivity_score = EXCLUDED.avg30_productivity_score,
            avg30_quality_score      = EXCLUDED.avg30_quality_score,
            avg30_attendance_rate    = EXCLUDED.avg30_attendance_rate,
            avg30_adherence_score    = EXCLUDED.avg30_adherence_score,
            avg30_composite_score    = EXCLUDED.avg30_composite_score,
            avg30_csat               = EXCLUDED.avg30_csat,
            avg30_fcr                = EXCLUDED.avg30_fcr,
            avg30_aht                = EXCLUDED.avg30_aht,
            avg_30d                  = EXCLUDED.avg_30d,
            trends                   = EXCLUDED.trends,
            composite_trend          = EXCLUDED.composite_trend,
            declining_metrics        = EXCLUDED.declining_metrics,
            performance_level        = EXCLUDED.performance_level,
            card                     = EXCLUDED.card,
            computed_at              = EXCLUDED.computed_at
    $sql$ USING p_agents, p_today;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END;
$fn$;

-- ---------------------------------------------------------------------------
-- agent_coaching_facts — the coaching facts of the priority queue, kept current by triggers
-- ---------------------------------------------------------------------------
-- Per agent:
--   last_coaching_at        coaching date of the last COMPLETED session
--                           (DECISION: its actual_end_time, else its scheduled_date)
--   unaddressed_high_notes  quick notes with priority HIGH and addressed = FALSE
--   overdue_action_items    action items OVERDUE, or PENDING/IN_PROGRESS with due_date before
--                           computed_on (the daily sweep may not have marked them yet)
--   open_due_dates          sorted due dates (>= computed_on) of the other PENDING/IN_PROGRESS
--                           items: on a later day, those before CURRENT_DATE are overdue too,
--                           so readers count overdue_action_items
--                           + width_bucket(CURRENT_DATE - 1, open_due_dates)
--   active_pip              an action plan ACTIVE or EXTENDED
-- Statement-level triggers on coaching_sessions, quick_notes, action_items and action_plans
-- recompute the rows of the agents a statement touched (old and new agent_id), set-based, in
-- the writer's transaction; the nightly refresh recomputes everyone. An agent without a row
-- has no sessions, notes, items or plans.
CREATE TABLE agent_coaching_facts (
    agent_id               UUID PRIMARY KEY REFERENCES users (id),
    last_coaching_at       TIMESTAMPTZ,
    unaddressed_high_notes INTEGER NOT NULL CHECK (unaddressed_high_notes >= 0),
    overdue_action_items   INTEGER NOT NULL CHECK (overdue_action_items >= 0),
    open_due_dates         DATE[] NOT NULL,
    active_pip             BOOLEAN NOT NULL,
    computed_on            DATE NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TRIGGER update_agent_coaching_facts_updated_at
    BEFORE UPDATE ON agent_coaching_facts
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- The last COMPLETED session of an agent: one index probe.
CREATE INDEX idx_sessions_agent_completed
    ON coaching_sessions (agent_id, (coalesce(actual_end_time, scheduled_date)) DESC)
    WHERE status = 'COMPLETED';
-- Unaddressed HIGH notes of an agent, counted from the index alone.
CREATE INDEX idx_notes_agent_high_open ON quick_notes (agent_id)
    WHERE addressed = FALSE AND priority = 'HIGH';
-- Open action items of an agent (completed ones pile up over the years and are skipped).
CREATE INDEX idx_actions_agent_open ON action_items (agent_id, due_date)
    WHERE status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE');

-- Recomputes the facts of p_agents (NULL: every live agent) as of CURRENT_DATE; returns the
-- number of rows written. Ids that are not users are ignored.
CREATE FUNCTION refresh_agent_coaching_facts(p_agents uuid[] DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql
AS $fn$
DECLARE
    written bigint;
BEGIN
    PERFORM dashboard_refresh_lock(2, p_agents);
    EXECUTE $sql$
        INSERT INTO agent_coaching_facts AS f (
            agent_id, last_coaching_at, unaddressed_high_notes, overdue_action_items,
            open_due_dates, active_pip, computed_on)
        SELECT u.id,
               (SELECT max(coalesce(cs.actual_end_time, cs.scheduled_date))
                  FROM coaching_sessions cs
                 WHERE cs.agent_id = u.id AND cs.status = 'COMPLETED'),
               (SELECT count(*)
                  FROM quick_notes qn
                 WHERE qn.agent_id = u.id AND qn.addressed = FALSE AND qn.priority = 'HIGH'),
               (SELECT count(*)
                  FROM action_items ai
                 WHERE ai.agent_id = u.id
                   AND ai.status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE')
                   AND (ai.status = 'OVERDUE' OR ai.due_date < CURRENT_DATE)),
               ARRAY(SELECT ai.due_date
                       FROM action_items ai
                      WHERE ai.agent_id = u.id
                        AND ai.status IN ('PENDING', 'IN_PROGRESS')
                        AND ai.due_date >= CURRENT_DATE
                      ORDER BY ai.due_date),
               EXISTS (SELECT 1 FROM action_plans ap
                        WHERE ap.agent_id = u.id AND ap.status IN ('ACTIVE', 'EXTENDED')),
               CURRENT_DATE
          FROM users u
         WHERE CASE WHEN $1 IS NULL THEN u.role = 'AGENT' AND u.deleted_at IS NULL
                    ELSE u.id = ANY ($1) END
        ON CONFLICT (agent_id) DO UPDATE SET
            last_coaching_at       = EXCLUDED.last_coaching_at,
            unaddressed_high_notes = EXCLUDED.unaddressed_high_notes,
            overdue_action_items   = EXCLUDED.overdue_action_items,
            open_due_dates         = EXCLUDED.open_due_dates,
            active_pip             = EXCLUDED.active_pip,
            computed_on            = EXCLUDED.computed_on
    $sql$ USING p_agents;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END;
$fn$;

-- One function for the triggers of the four tables: the agents in the statement's old and
-- new rows. TG_ARGV[0] names the transition tables the trigger has ('new', 'old', 'both').
CREATE FUNCTION agent_coaching_facts_touch()
RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF TG_ARGV[0] = 'new' THEN
        PERFORM refresh_agent_coaching_facts(ARRAY(SELECT DISTINCT agent_id FROM new_rows));
    ELSIF TG_ARGV[0] = 'old' THEN
        PERFORM refresh_agent_coaching_facts(ARRAY(SELECT DISTINCT agent_id FROM old_rows));
    ELSE
        PERFORM refresh_agent_coaching_facts(ARRAY(SELECT agent_id FROM new_rows
                                                   UNION
                                                   SELECT agent_id FROM old_rows));
    END IF;
    RETURN NULL;
END;
$fn$;

CREATE TRIGGER coaching_facts_sessions_ins AFTER INSERT ON coaching_sessions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('new');
CREATE TRIGGER coaching_facts_sessions_upd AFTER UPDATE ON coaching_sessions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('both');
CREATE TRIGGER coaching_facts_sessions_del AFTER DELETE ON coaching_sessions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('old');

CREATE TRIGGER coaching_facts_notes_ins AFTER INSERT ON quick_notes
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('new');
CREATE TRIGGER coaching_facts_notes_upd AFTER UPDATE ON quick_notes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('both');
CREATE TRIGGER coaching_facts_notes_del AFTER DELETE ON quick_notes
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('old');

CREATE TRIGGER coaching_facts_actions_ins AFTER INSERT ON action_items
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('new');
CREATE TRIGGER coaching_facts_actions_upd AFTER UPDATE ON action_items
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('both');
CREATE TRIGGER coaching_facts_actions_del AFTER DELETE ON action_items
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('old');

CREATE TRIGGER coaching_facts_plans_ins AFTER INSERT ON action_plans
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('new');
CREATE TRIGGER coaching_facts_plans_upd AFTER UPDATE ON action_plans
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('both');
CREATE TRIGGER coaching_facts_plans_del AFTER DELETE ON action_plans
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agent_coaching_facts_touch('old');

-- Nightly (and on demand): every agent's snapshot and facts as of p_today (NULL: today).
-- Returns the number of snapshot rows written.
CREATE FUNCTION refresh_dashboards(p_today date DEFAULT CURRENT_DATE)
RETURNS bigint
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM refresh_agent_coaching_facts(NULL);
    RETURN refresh_agent_snapshots(NULL, coalesce(p_today, CURRENT_DATE));
END;
$fn$;

-- Snapshots and facts for the agents that exist when this migration lands.
SELECT refresh_dashboards();
