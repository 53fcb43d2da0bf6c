-- The organisation's dates for coaching events. 0003 dated a completed session or action item
-- by its UTC day ("AT TIME ZONE 'UTC'"), while a team leader reads "Tuesday's session" in the
-- organisation's zone: a session at 19:00 in New York (00:00 UTC the next day) was filed under
-- the next day, and at a month's end under the next month's history row. Coach now runs every
-- database session with TimeZone set to the organisation's zone (job_timezone(): the setting
-- 'timezone', else COACH_TIMEZONE, else UTC), so the event day is the timestamptz's ::date in
-- the session's zone. The function is otherwise 0003's, unchanged.
CREATE OR REPLACE FUNCTION refresh_performance_history(
    p_period period_type,
    p_from   date,
    p_to     date,
    p_agents uuid[] DEFAULT NULL
)
RETURNS bigint
LANGUAGE plpgsql
-- The statement below must be planned with the actual period type and dates: a cached
-- generic plan (plpgsql's default after five calls) ran a MONTH rebuild of 800,000 days
-- in minutes instead of about a second. work_mem keeps a full rebuild's aggregation and
-- sorts in memory (one refresh at a time: callers hold the history advisory lock).
SET plan_cache_mode = force_custom_plan
SET work_mem = '64MB'
AS $$
DECLARE
    -- first period: the one containing p_from (its end is the first end >= p_from)
    v_first_start date := history_period_start(p_period, p_from);
    -- the period before it, read only for the trends of the first period
    v_prev_start  date := history_period_start(p_period, v_first_start - 1);
    -- last period: the one ending on p_to, else the one before the period containing p_to
    v_last_end    date := CASE WHEN history_period_end(p_period, p_to) = p_to THEN p_to
                               ELSE history_period_start(p_period, p_to) - 1 END;
    v_written     bigint;
BEGIN
    IF p_period IS NULL OR p_from IS NULL OR p_to IS NULL THEN
        RAISE EXCEPTION 'refresh_performance_history: period type and range are required'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF v_last_end < v_first_start THEN
        RETURN 0;  -- no period ends in [p_from, p_to]
    END IF;

    WITH days AS (
        SELECT pm.agent_id, pm.metric_date,
               pm.service_score, pm.productivity_score, pm.quality_score,
               pm.attendance_rate, pm.adherence_score, pm.composite_score
        FROM performance_metrics pm
        WHERE pm.metric_date BETWEEN v_prev_start AND v_last_end
          AND (p_agents IS NULL OR pm.agent_id = ANY (p_agents))
        UNION ALL
        SELECT pa.agent_id, pa.metric_date,
               pa.service_score, pa.productivity_score, pa.quality_score,
               pa.attendance_rate, pa.adherence_score, pa.composite_score
        FROM performance_metrics_archive pa
        WHERE pa.metric_date BETWEEN v_prev_start AND v_last_end
          AND (p_agents IS NULL OR pa.agent_id = ANY (p_agents))
          AND NOT EXISTS (SELECT 1 FROM performance_metrics pm
                          WHERE pm.agent_id = pa.agent_id AND pm.metric_date = pa.metric_date)
    ),
    periods AS (
        SELECT d.agent_id,
               history_period_end(p_period, d.metric_date)         AS period_ending,
               avg(d.service_score)::numeric(5,2)                  AS avg_service_score,
               avg(d.productivity_score)::numeric(5,2)             AS avg_productivity_score,
               avg(d.quality_score)::numeric(5,2)                  AS avg_quality_score,
               avg(d.attendance_rate)::numeric(5,2)                AS avg_attendance_rate,
               avg(d.adherence_score)::numeric(5,2)                AS avg_adherence_score,
               avg(d.composite_score)::numeric(5,2)                AS avg_composite_score,
               var_samp(d.composite_score)::numeric(7,2)           AS score_variance,
               count(*)::int                                       AS days_worked
        FROM days d
        GROUP BY 1, 2
    ),
    trended AS (
        -- prev_* are the previous row's figures when that row is the calendar period just
        -- before (history_period_end of the day before this period's first day), else NULL.
        SELECT p.*,
               CASE WHEN lag(p.period_ending) OVER w
                         = history_period_start(p_period, p.period_ending) - 1
                    THEN true END                                  AS has_prev,
               lag(p.avg_service_score) OVER w                     AS prev_service,
               lag(p.avg_productivity_score) OVER w                AS prev_productivity,
               lag(p.avg_quality_score) OVER w                     AS prev_quality,
               lag(p.avg_attendance_rate) OVER w                   AS prev_attendance,
               lag(p.avg_adherence_score) OVER w                   AS prev_adherence
        FROM periods p
        WINDOW w AS (PARTITION BY p.agent_id ORDER BY p.period_ending)
    ),
    events AS (
        SELECT cs.agent_id,
               coalesce(cs.actual_start_time, cs.scheduled_date)::date AS event_date,
               'SESSION_COMPLETED'                                 AS event_type,
               format('%s coaching session completed', cs.session_type) AS description,
               cs.id
        FROM coaching_sessions cs
        WHERE cs.status = 'COMPLETED'
          AND coalesce(cs.actual_start_time, cs.scheduled_date)::date
              BETWEEN v_first_start AND v_last_end
          AND (p_agents IS NULL OR cs.agent_id = ANY (p_agents))
        UNION ALL
        SELECT ap.agent_id, ap.start_date, 'PIP_STARTED',
               'Performance improvement plan started', ap.id
        FROM action_plans ap
        WHERE ap.start_date BETWEEN v_first_start AND v_last_end
          AND ap.status <> 'DRAFT'
          AND (ap.status <> 'CANCELLED' OR ap.approved_by IS NOT NULL)
          AND (p_agents IS NULL OR ap.agent_id = ANY (p_agents))
        UNION ALL
        SELECT ap.agent_id, ap.actual_end_date, 'PIP_ENDED',
               format('Performance improvement plan ended (%s)', coalesce(ap.outcome::text, ap.status::text)),
               ap.id
        FROM action_plans ap
        WHERE ap.actual_end_date BETWEEN v_first_start AND v_last_end
          AND (p_agents IS NULL OR ap.agent_id = ANY (p_agents))
        UNION ALL
        SELECT ai.agent_id, ai.completed_date::date, 'ACTION_ITEM_COMPLETED',
               format('Action item completed: %s', ai.title), ai.id
        FROM action_items ai
        WHERE ai.status = 'COMPLETED'
          AND ai.completed_date::date BETWEEN v_first_start AND v_last_end
          AND (p_agents IS NULL OR ai.agent_id = ANY (p_agents))
    ),
    period_events AS (
        SELECT e.agent_id,
               history_period_end(p_period, e.event_date)          AS period_ending,
               jsonb_agg(jsonb_build_object('date', e.event_date, 'type', e.event_type,
                                            'description', e.description, 'id', e.id)
                         ORDER BY e.event_date, e.event_type, e.id) AS events
        FROM events e
        GROUP BY 1, 2
    ),
    computed AS (
        SELECT t.agent_id, t.period_ending,
               t.avg_service_score, t.avg_productivity_score, t.avg_quality_score,
               t.avg_attendance_rate, t.avg_adherence_score, t.avg_composite_score,
               CASE WHEN t.has_prev THEN t.avg_service_score - t.prev_service END           AS service_trend,
               CASE WHEN t.has_prev THEN t.avg_productivity_score - t.prev_productivity END AS productivity_trend,
               CASE WHEN t.has_prev THEN t.avg_quality_score - t.prev_quality END           AS quality_trend,
               CASE WHEN t.has_prev THEN t.avg_attendance_rate - t.prev_attendance END      AS attendance_trend,
               CASE WHEN t.has_prev THEN t.avg_adherence_score - t.prev_adherence END       AS adherence_trend,
               t.score_variance, t.days_worked,
               jsonb_build_object('events', coalesce(pe.events, '[]'::jsonb))              AS annotations
        FROM trended t
        LEFT JOIN period_events pe
               ON pe.agent_id = t.agent_id AND pe.period_ending = t.period_ending
        WHERE t.period_ending BETWEEN p_from AND v_last_end
    ),
    upserted AS (
        INSERT INTO performance_history AS h (
            agent_id, period_type, period_ending,
            avg_service_score, avg_productivity_score, avg_quality_score,
            avg_attendance_rate, avg_adherence_score, avg_composite_score,
            service_trend, productivity_trend, quality_trend, attendance_trend, adherence_trend,
            score_variance, days_worked, annotations
        )
        SELECT c.agent_id, p_period, c.period_ending,
               c.avg_service_score, c.avg_productivity_score, c.avg_quality_score,
               c.avg_attendance_rate, c.avg_adherence_score, c.avg_composite_score,
               c.service_trend, c.productivity_trend, c.quality_trend, c.attendance_trend,
               c.adherence_trend, c.score_variance, c.days_worked, c.annotations
        FROM computed c
        -- Rows already up to date are skipped here: ON CONFLICT would lock (and so write)
        -- each of them even when its WHERE then leaves it alone.
        LEFT JOIN performance_history o
               ON o.agent_id = c.agent_id AND o.period_type = p_period
              AND o.period_ending = c.period_ending
        WHERE o.id IS NULL
           OR (o.avg_service_score, o.avg_productivity_score, o.avg_quality_score,
               o.avg_attendance_rate, o.avg_adherence_score, o.avg_composite_score,
               o.service_trend, o.productivity_trend, o.quality_trend, o.attendance_trend,
               o.adherence_trend, o.score_variance, o.days_worked, o.annotations)
              IS DISTINCT FROM
              (c.avg_service_score, c.avg_productivity_score, c.avg_quality_score,
               c.avg_attendance_rate, c.avg_adherence_score, c.avg_composite_score,
               c.service_trend, c.productivity_trend, c.quality_trend, c.attendance_trend,
               c.adherence_trend, c.score_variance, c.days_worked, c.annotations)
        ON CONFLICT (agent_id, period_type, period_ending) DO UPDATE SET
            avg_service_score      = EXCLUDED.avg_service_score,
            avg_productivity_score = EXCLUDED.avg_productivity_score,
            avg_quality_score      = EXCLUDED.avg_quality_score,
            avg_attendance_rate    = EXCLUDED.avg_attendance_rate,
            avg_adherence_score    = EXCLUDED.avg_adherence_score,
            avg_composite_score    = EXCLUDED.avg_composite_score,
            service_trend          = EXCLUDED.service_trend,
            productivity_trend     = EXCLUDED.productivity_trend,
            quality_trend          = EXCLUDED.quality_trend,
            attendance_trend       = EXCLUDED.attendance_trend,
            adherence_trend        = EXCLUDED.adherence_trend,
            score_variance         = EXCLUDED.score_variance,
            days_worked            = EXCLUDED.days_worked,
            annotations            = EXCLUDED.annotations
        WHERE (h.avg_service_score, h.avg_productivity_score, h.avg_quality_score,
               h.avg_attendance_rate, h.avg_adherence_score, h.avg_composite_score,
               h.service_trend, h.productivity_trend, h.quality_trend, h.attendance_trend,
               h.adherence_trend, h.score_variance, h.days_worked, h.annotations)
              IS DISTINCT FROM
              (EXCLUDED.avg_service_score, EXCLUDED.avg_productivity_score,
               EXCLUDED.avg_quality_score, EXCLUDED.avg_attendance_rate,
               EXCLUDED.avg_adherence_score, EXCLUDED.avg_composite_score,
               EXCLUDED.service_trend, EXCLUDED.productivity_trend, EXCLUDED.quality_trend,
               EXCLUDED.attendance_trend, EXCLUDED.adherence_trend, EXCLUDED.score_variance,
               EXCLUDED.days_worked, EXCLUDED.annotations)
        RETURNING 1
    ),
    deleted AS (
        DELETE FROM performance_history h
        WHERE h.period_type = p_period
          AND h.period_ending BETWEEN p_from AND v_last_end
          AND (p_agents IS NULL OR h.agent_id = ANY (p_agents))
          AND NOT EXISTS (SELECT 1 FROM computed c
                          WHERE c.agent_id = h.agent_id AND c.period_ending = h.period_ending)
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM upserted) + (SELECT count(*) FROM deleted) INTO v_written;
    RETURN v_written;
END;
$$;
