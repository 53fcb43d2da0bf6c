-- Figures read the server's clock (0027): "today" is coach_today() and "now" is coach_now() in
-- the functions that define a figure, so a test that moves the clock moves them too. Each is
-- its latest definition with only that changed (plus team_cards' snapshot_as_of below).

-- 1 -------------------------------------------------------------------------------------------
-- As 0001's: an item becomes OVERDUE, or stops being, against the organisation's today.
CREATE OR REPLACE FUNCTION update_action_item_status()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.status = 'COMPLETED' THEN
        IF NEW.completed_date IS NULL THEN
            NEW.completed_date = now();
        END IF;
    ELSIF NEW.status IN ('PENDING', 'IN_PROGRESS') THEN
        IF NEW.due_date < coach_today() AND NEW.completed_date IS NULL THEN
            NEW.status = 'OVERDUE';
        END IF;
    ELSIF NEW.status = 'OVERDUE' THEN
        IF NEW.completed_date IS NOT NULL THEN
            NEW.status = 'COMPLETED';
        ELSIF NEW.due_date >= coach_today() THEN
            NEW.status = CASE WHEN NEW.progress_percentage > 0
                              THEN 'IN_PROGRESS'::action_item_status
                              ELSE 'PENDING'::action_item_status
                         END;
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

-- 2 -------------------------------------------------------------------------------------------
-- As 0024's.
CREATE OR REPLACE FUNCTION refresh_agent_coaching_facts(p_agents uuid[] DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql
AS $fn$
DECLARE
    written bigint;
BEGIN
    PERFORM dashboard_refresh_lock(2, p_agents);
    IF p_agents IS NULL THEN
        p_agents := ARRAY(SELECT id FROM users WHERE role = 'AGENT' AND deleted_at IS NULL);
    END IF;
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
               AND (ai.status = 'OVERDUE' OR ai.due_date < coach_today())),
           ARRAY(SELECT ai.due_date
                   FROM action_items ai
                  WHERE ai.agent_id = u.id
                    AND ai.status IN ('PENDING', 'IN_PROGRESS')
                    AND ai.due_date >= coach_today()
                  ORDER BY ai.due_date),
           EXISTS (SELECT 1 FROM action_plans ap
                    WHERE ap.agent_id = u.id AND ap.status IN ('ACTIVE', 'EXTENDED')),
           coach_today()
      FROM users u
     WHERE u.id = ANY (p_agents)
    ON CONFLICT (agent_id) DO UPDATE SET
        last_coaching_at       = EXCLUDED.last_coaching_at,
        unaddressed_high_notes = EXCLUDED.unaddressed_high_notes,
        overdue_action_items   = EXCLUDED.overdue_action_items,
        open_due_dates         = EXCLUDED.open_due_dates,
        active_pip             = EXCLUDED.active_pip,
        computed_on            = EXCLUDED.computed_on;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END;
$fn$;

-- 3 -------------------------------------------------------------------------------------------
-- As 0026's: a note is overdue against the server's clock.
CREATE OR REPLACE FUNCTION quick_note_json(qn quick_notes) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN json_build_object(
        'id', qn.id, 'agent_id', qn.agent_id,
        'agent_name', (SELECT name FROM users WHERE id = qn.agent_id),
        'team_leader_id', qn.team_leader_id, 'created_by', qn.created_by,
        'note_type', qn.note_type, 'category', qn.category, 'subcategory', qn.subcategory,
        'content', qn.content, 'call_id', qn.call_id, 'customer_id', qn.customer_id,
        'timestamp_occurred', utc_json(qn.timestamp_occurred), 'priority', qn.priority,
        'requires_follow_up', qn.requires_follow_up, 'linked_session_id', qn.linked_session_id,
        'addressed', qn.addressed, 'addressed_date', utc_json(qn.addressed_date),
        'addressed_notes', qn.addressed_notes, 'addressed_by', qn.addressed_by,
        'address_by', utc_json(qn.address_by),
        'overdue', NOT qn.addressed AND qn.address_by < coach_now(),
        'escalated_at', utc_json(qn.escalated_at),
        'created_at', utc_json(qn.created_at), 'updated_at', utc_json(qn.updated_at));
END;
$$;

-- 4 -------------------------------------------------------------------------------------------
-- As 0026's, plus snapshot_as_of: the day the agent's snapshot was computed for. A dashboard
-- that finds it is not today's (just after the organisation's midnight, or after a change of
-- zone) refreshes those snapshots before it answers (dashboards/stale_snapshots.cpp). The
-- return type changes: dropped and created again.
DROP FUNCTION team_cards(uuid);
CREATE FUNCTION team_cards(p_team_leader uuid)
RETURNS TABLE (agent_id uuid, name varchar, employee_id varchar, status user_status, card text,
               performance_level performance_level, avg30_composite_score numeric,
               composite_trend metric_trend, declining_metrics text[],
               last_coaching_at text, days_since_last_coaching integer,
               unaddressed_high_notes integer, overdue_action_items integer,
               active_pip boolean, snapshot_as_of date)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT a.id, a.name, a.employee_id, a.status,
       s.card, s.performance_level,
       s.avg30_composite_score, s.composite_trend, s.declining_metrics,
       utc_json(f.last_coaching_at),
       CASE WHEN f.last_coaching_at IS NOT NULL
            THEN greatest(0, coach_today() - f.last_coaching_at::date) END,
       coalesce(f.unaddressed_high_notes, 0),
       coalesce(f.overdue_action_items + width_bucket(coach_today() - 1, f.open_due_dates), 0),
       coalesce(f.active_pip, false),
       s.as_of
  FROM users a
  LEFT JOIN LATERAL (
      SELECT s.card, s.as_of, s.performance_level,
             s.avg30_composite_score, s.composite_trend, s.declining_metrics
        FROM agent_dashboard_snapshot s
       WHERE s.agent_id = a.id
      OFFSET 0) s ON true
  LEFT JOIN LATERAL (
      SELECT f.last_coaching_at, f.unaddressed_high_notes, f.overdue_action_items,
             f.open_due_dates, f.active_pip
        FROM agent_coaching_facts f
       WHERE f.agent_id = a.id
      OFFSET 0) f ON true
 WHERE a.team_leader_id = p_team_leader
   AND a.role = 'AGENT'
   AND a.deleted_at IS NULL
   AND a.status <> 'TERMINATED'
$$;
