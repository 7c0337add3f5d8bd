-- The load benchmark's wrk script, for its minimal and list phases (run by bench/load.py,
-- not on its own; the mixed phase and the soak use Locust, bench/locustfile.py).
--
--   wrk -t 1 -c 20 -d 30s --timeout 10s --latency -s bench/wrk.lua URL [-- TOKENS]
--
-- Without TOKENS (the minimal phase, URL .../api/v1/health) every request is wrk's own
-- static GET of URL. With TOKENS, a file of bearer tokens one per line (the list phase,
-- URL .../api/v1/participants), each request carries the next token in turn: requests
-- cycle over the specialists, so the connections act as different specialists at once,
-- as Locust's ListUser clients do (there each client keeps one specialist; here the
-- specialist changes per request, which spreads the load over them just as well).
--
-- There is deliberately no response() hook: it would slow wrk down, and wrk already
-- counts every answer outside 2xx/3xx in summary.errors.status.

local requests, count, next_request = {}, 0, 0

function init(args)
   local path = args[1]
   if not path then
      return -- no request() function: wrk sends its static request
   end
   for token in io.lines(path) do
      if token ~= "" then
         count = count + 1
         requests[count] = wrk.format(nil, nil, {
            ["Host"] = wrk.headers["Host"],
            ["Authorization"] = "Bearer " .. token,
         })
      end
   end
   assert(count > 0, "no tokens in " .. path)
   -- Defined only now: wrk checks for a global request() after init() has run.
   request = function()
      next_request = next_request % count + 1
      return requests[next_request]
   end
end

-- Runs in a Lua state of its own (init's locals are not here): one line bench/load.py
-- parses, latencies in microseconds, duration in microseconds.
function done(summary, latency, _)
   local e = summary.errors
   io.write(string.format(
      'wrk-summary {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d,'
         .. ' "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      e.connect, e.read, e.write, e.status, e.timeout
   ))
end
