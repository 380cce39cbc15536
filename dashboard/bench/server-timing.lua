-- wrk script of `bin/renkei dashboard-benchmark`: counts non-200 answers and averages the Server-Timing the dashboard
-- sends with renkei.server-timing=true (duckdb = time in DuckDB, app = handling after security), and prints one
-- RESULT line with requests/s and the p50/p95/p99 latencies wrk measured.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  duckdb, app, answers, non200 = 0, 0, 0, 0
end

function response(status, headers, body)
  answers = answers + 1
  if status ~= 200 then non200 = non200 + 1 end
  local timing = headers["Server-Timing"] or headers["server-timing"]
  if timing then
    duckdb = duckdb + tonumber(timing:match("duckdb;dur=([%d%.]+)") or 0)
    app = app + tonumber(timing:match("app;dur=([%d%.]+)") or 0)
  end
end

function done(summary, latency, requests)
  local d, a, n, bad = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    d = d + thread:get("duckdb")
    a = a + thread:get("app")
    n = n + thread:get("answers")
    bad = bad + thread:get("non200")
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non200=%d errors=%d "
      .. "duckdb_ms=%.3f app_ms=%.3f\n", summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, bad, errors, n > 0 and d / n or 0,
      n > 0 and a / n or 0))
end
