-- wrk script of bench/issue3/run: GET each path of the file $BENCH_PATHS in turn (each thread
-- starts at a different place), with the bearer token $COACH_TOKEN.
local token = os.getenv("COACH_TOKEN")
local file = os.getenv("BENCH_PATHS")
if token == nil or token == "" or file == nil then
  error("COACH_TOKEN and BENCH_PATHS must be set")
end
local paths = {}
for line in io.lines(file) do
  if line ~= "" then paths[#paths + 1] = line end
end
local i = 0
local headers = { ["Authorization"] = "Bearer " .. token }
function setup(thread)
  thread:set("start", math.random(#paths))
end
function init(args)
  i = tonumber(start) or 0
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
