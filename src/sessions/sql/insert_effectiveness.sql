-- The effectiveness record of completed session $1 (its primary issue $2 and intervention
-- method $3); its figures are measured later (docs/domain.md, "Effectiveness").
INSERT INTO coaching_effectiveness (session_id, agent_id, team_leader_id, primary_issue,
                                    intervention_method)
SELECT cs.id, cs.agent_id, cs.team_leader_id, $2, $3
  FROM coaching_sessions cs
 WHERE cs.id = $1::uuid
