-- wrk script for GET /api/v1/auth/me: the bearer token comes from the environment (bench/run
-- logs in and exports COACH_TOKEN).
local token = os.getenv("COACH_TOKEN")
if token == nil or token == "" then
  error("COACH_TOKEN is not set")
end
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. token
