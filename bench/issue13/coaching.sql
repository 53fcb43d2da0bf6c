-- bench/issue13/run: a year of coaching on the bench organisation (bench/issue3/users.sql),
-- written as the COACHING_HISTORY import would: per agent one completed session a month
-- (12 months back, 60,000 sessions for 5,000 agents) with an effectiveness record for one in
-- three, and 4 quick notes (one unaddressed). The scheduled sessions the load prepares are
-- made through the API by the run itself.
\set ON_ERROR_STOP on
INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, actual_start_time,
                               actual_end_time, status, session_type, summary,
                               follow_up_topics, created_by)
SELECT u.id, u.team_leader_id, t, t, t + interval '30 minutes', 'COMPLETED', 'REGULAR',
       'Monthly review: worked on call control and the hold procedure.',
       ARRAY['hold procedure', 'call control'], u.team_leader_id
  FROM users u
 CROSS JOIN generate_series(1, 12) m
 CROSS JOIN LATERAL (SELECT date_trunc('day', now()) - make_interval(days => 30 * m)
                            + make_interval(hours => 9 + (hashtext(u.id::text) & 7)) AS t) at
 WHERE u.role = 'AGENT';

INSERT INTO coaching_effectiveness (session_id, agent_id, team_leader_id, primary_issue,
                                    intervention_method, improvement_percentage)
SELECT cs.id, cs.agent_id, cs.team_leader_id,
       (ARRAY['Quality', 'AHT', 'Adherence', 'CSAT'])[1 + (hashtext(cs.id::text) & 3)],
       (ARRAY['Shadowing', 'Role-play', 'Call review'])[1 + ((hashtext(cs.id::text) >> 2) & 3) % 3],
       round((((hashtext(cs.id::text) >> 4) & 1023) / 1023.0 * 16 - 4)::numeric, 1)
  FROM coaching_sessions cs
 WHERE hashtext(cs.id::text) % 3 = 0;

INSERT INTO quick_notes (agent_id, team_leader_id, created_by, note_type, content, priority,
                         addressed, created_at)
SELECT u.id, u.team_leader_id, u.team_leader_id,
       (ARRAY['POSITIVE', 'COACHING', 'GENERAL', 'URGENT'])[n]::note_type,
       'Observed on the floor: call ' || n, (ARRAY['LOW', 'MEDIUM', 'MEDIUM', 'HIGH'])[n]::priority_level,
       n < 4, now() - make_interval(days => 10 * n)
  FROM users u
 CROSS JOIN generate_series(1, 4) n
 WHERE u.role = 'AGENT';

ANALYZE coaching_sessions;
ANALYZE coaching_effectiveness;
ANALYZE quick_notes;
