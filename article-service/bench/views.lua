-- wrk script: POST /api/articles/{id}/views as readers do, spread over the given articles, each request with
-- another readerId, a JSON body and a browser User-Agent.
--
--   wrk -t2 -c64 -d30s --latency -s article-service/bench/views.lua http://127.0.0.1:18081 -- <articleId> [...]
--
-- Every answer but 202 counts as an error (wrk's "Non-2xx or 3xx responses"; 202 is the only 2xx here).

local ids = {}
local threads = 0
local counter = 0
local prefix = ""

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  for _, id in ipairs(args) do
    ids[#ids + 1] = id
  end
  if #ids == 0 then
    error("pass one or more published article ids after --")
  end
  prefix = "bench-" .. tostring(thread_number or 0) .. "-"
  math.randomseed(os.time() + (thread_number or 0))
end

local headers = {
  ["Content-Type"] = "application/json",
  ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
}

function request()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  local body = '{"readerId":"' .. prefix .. math.random(1, 50000) .. '"}'
  return wrk.format("POST", "/api/articles/" .. id .. "/views", headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("views/s %.0f  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms  non-202 %d  socket errors %d\n",
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000, summary.errors.status,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
