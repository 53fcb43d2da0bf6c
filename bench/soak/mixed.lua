-- wrk script for bench/soak/run: a team leader's working mix at once from every connection.
-- Per 20 requests: 8 team dashboards, 5 agent overviews, 3 metric writes (by the manager), 3
-- quick notes, 1 sessions list. Non-2xx answers are counted by wrk ("Non-2xx or 3xx responses").
local token = os.getenv("SOAK_TOKEN")
local writer = os.getenv("SOAK_WRITER_TOKEN")  -- the team leader's manager writes metrics
local tl = os.getenv("SOAK_TEAM_LEADER")
local agents = {}
for id in string.gmatch(os.getenv("SOAK_AGENTS") or "", "[^,]+") do
  agents[#agents + 1] = id
end
if not token or not writer or not tl or #agents == 0 then
  error("SOAK_TOKEN, SOAK_WRITER_TOKEN, SOAK_TEAM_LEADER and SOAK_AGENTS must be set")
end

local headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
local writer_headers = {["Authorization"] = "Bearer " .. writer,
                        ["Content-Type"] = "application/json"}
local counter = 0
local note_types = {"POSITIVE", "COACHING", "GENERAL", "COMPLIANCE", "URGENT"}

request = function()
  counter = counter + 1
  local agent = agents[(counter % #agents) + 1]
  local slot = counter % 20
  if slot < 8 then
    return wrk.format("GET", "/api/v1/teams/" .. tl .. "/dashboard", headers)
  elseif slot < 13 then
    return wrk.format("GET", "/api/v1/agents/" .. agent .. "/overview", headers)
  elseif slot < 16 then
    -- A day in 2025 (the demo's data are recent): rewrites one of 365 days per agent.
    local day = os.date("!%Y-%m-%d", 1735689600 + (counter % 365) * 86400)
    local body = string.format(
      '{"agent_id":"%s","metric_date":"%s","service_score":%d,"quality_score":%d}',
      agent, day, 60 + counter % 40, 70 + counter % 30)
    return wrk.format("PUT", "/api/v1/performance-metrics", writer_headers, body)
  elseif slot < 19 then
    local body = string.format('{"agent_id":"%s","note_type":"%s","content":"Soak note %d"}',
      agent, note_types[(counter % #note_types) + 1], counter)
    return wrk.format("POST", "/api/v1/quick-notes", headers, body)
  end
  return wrk.format("GET", "/api/v1/coaching-sessions?team_leader_id=" .. tl, headers)
end
