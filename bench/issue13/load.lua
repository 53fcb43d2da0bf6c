-- wrk script of bench/issue13/run: sends each line of the file $BENCH_REQUESTS in turn (each
-- thread starts at a different place), as the bearer token $COACH_TOKEN. A line is
-- "METHOD PATH" or "METHOD PATH BODY" (the body: the rest of the line, sent as JSON).
-- $BENCH_KEYS (set): each POST carries a new Idempotency-Key, as the web app's note form sends.
-- $BENCH_RATE (optional): requests per second over all threads (wrk -t), spaced evenly on a
-- schedule per thread (a late response delays only what was due meanwhile, which is then sent
-- at once); without it every connection sends as fast as it is answered.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *t);
]]
local now_ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, now_ts)  -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local token = os.getenv("COACH_TOKEN")
local file = os.getenv("BENCH_REQUESTS")
if token == nil or token == "" or file == nil then
  error("COACH_TOKEN and BENCH_REQUESTS must be set")
end
local requests = {}
for line in io.lines(file) do
  local method, path, body = line:match("^(%u+)%s+(%S+)%s*(.*)$")
  if method then
    local headers = { ["Authorization"] = "Bearer " .. token }
    if body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
    requests[#requests + 1] = { method, path, headers, body }
  end
end
local made = 0
function setup(thread)  -- in wrk's main state; thread:set makes globals of the thread's
  made = made + 1
  thread:set("start", math.random(#requests))
  thread:set("serial", made)
end
local i, sent, interval, next_at = 0, 0, nil, nil
local keys = (os.getenv("BENCH_KEYS") or "") ~= ""
local run = string.format("%x", math.floor(now_ms()))
function init(args)
  i = tonumber(start) or 0
  local rate = tonumber(os.getenv("BENCH_RATE") or "")
  local count = tonumber(os.getenv("BENCH_THREADS") or "1")
  if rate and rate > 0 then interval = 1000 * count / rate end
end
function delay()
  if not interval then return 0 end
  local t = now_ms()
  next_at = (next_at or t) + interval
  return math.max(0, next_at - t)
end
function request()
  i = i % #requests + 1
  local r = requests[i]
  if keys and r[1] == "POST" then
    sent = sent + 1
    r[3]["Idempotency-Key"] = run .. "-" .. serial .. "-" .. sent
  end
  return wrk.format(r[1], r[2], r[3], r[4])
end
