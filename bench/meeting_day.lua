-- One class of requests of the meeting-day benchmark (bench/meeting_day.py writes the plan).
-- The plan (a Lua file named by BENCH_PLAN) lists the requests; with `partition` each wrk
-- thread takes its own share of them (check-ins and votes: one member, one motion, once), and
-- with `record` (one connection per thread, so a response answers the last request) the
-- acknowledged and refused ones are reported at the end. With `rate`, requests follow a fixed
-- schedule (the paced mix); with `delay_ms`, each connection waits that long between requests.
local plan = dofile(os.getenv("BENCH_PLAN"))
local threads = {}
local created = 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
  table.insert(threads, thread)
end

function init(args)
  mine = {}
  for i, r in ipairs(plan.requests) do
    if not plan.partition or (i - 1) % plan.threads == id then
      table.insert(mine, r)
    end
  end
  after = plan.after or {}
  pos = 0
  after_pos = 0
  last = nil
  acks = {}
  refused = {}
  etags = {}
end

local function format(r)
  local headers = { Cookie = r.cookie }
  if r.body then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
  if plan.etag and etags[r.path] then
    headers["If-None-Match"] = etags[r.path]
  end
  return wrk.format(r.method or "GET", r.path, headers, r.body)
end

function request()
  if plan.partition and pos >= #mine and #after > 0 then
    -- Every check-in or vote of this thread was sent once: read the results from now on.
    after_pos = after_pos % #after + 1
    last = after[after_pos]
    return format(last)
  end
  pos = pos % #mine + 1
  last = mine[pos]
  return format(last)
end

if plan.record or plan.etag then
  function response(status, headers, body)
    if plan.etag and status == 200 then
      etags[last.path] = headers["ETag"] or headers["Etag"] or headers["etag"]
    end
    if plan.record and last.id then
      if status >= 200 and status < 400 then
        table.insert(acks, last.id)
      else
        table.insert(refused, last.id)
      end
    end
  end
end

if plan.rate then
  -- A fixed rate per wrk thread (plan.rate in all): each request takes the next slot of a
  -- schedule, whatever connection sends it, as wrk2 does; a schedule more than a second
  -- behind starts again from now rather than sending a burst.
  local ffi = require("ffi")
  ffi.cdef[[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clk_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval = 1000 * plan.threads / plan.rate
  local due = nil
  function delay()
    local now = now_ms()
    if due == nil or due < now - 1000 then
      due = now
    end
    due = due + interval
    return math.max(0, math.floor(due - now))
  end
elseif plan.delay_ms and plan.delay_ms > 0 then
  function delay()
    return plan.delay_ms
  end
end

local function list(t)
  local parts = {}
  for _, v in ipairs(t) do
    table.insert(parts, string.format("%q", v))
  end
  return "[" .. table.concat(parts, ",") .. "]"
end

function done(summary, latency, requests)
  local dist = {}
  for p = 1, 99 do
    table.insert(dist, latency:percentile(p))
  end
  table.insert(dist, latency:percentile(99.9))
  table.insert(dist, latency.max)
  local all_acks, all_refused = {}, {}
  for _, thread in ipairs(threads) do
    for _, v in ipairs(thread:get("acks") or {}) do table.insert(all_acks, v) end
    for _, v in ipairs(thread:get("refused") or {}) do table.insert(all_refused, v) end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,' ..
    '"status":%d,"timeout":%d,"dist_us":[%s],"acks":%s,"refused":%s}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    table.concat(dist, ","), list(all_acks), list(all_refused)))
end
