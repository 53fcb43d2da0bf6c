-- The agent and the values correlated (analytics::kCorrelatedMetrics, in that order, as
-- float8) of the daily metrics row {{1}}: a live or an archived one.
{{1}}.agent_id,
       {{1}}.service_score::float8 AS service_score,
       {{1}}.productivity_score::float8 AS productivity_score,
       {{1}}.quality_score::float8 AS quality_score,
       {{1}}.attendance_rate::float8 AS attendance_rate,
       {{1}}.adherence_score::float8 AS adherence_score,
       {{1}}.composite_score::float8 AS composite_score, {{1}}.csat::float8 AS csat,
       {{1}}.fcr::float8 AS fcr, {{1}}.aht::float8 AS aht
