-- Fixed-rate pacing for wrk (which is closed-loop), appended to the request script and
-- run as  wrk -t2 -c64 -d20s --latency -s script URL -- RATE THREADS
-- Each thread keeps a schedule of RATE/THREADS sends per second and delay() waits for the
-- next slot. A connection is free again only once its answer has arrived, so when every
-- connection is busy a send leaves after its slot and wrk measures from the actual send
-- (coordinated omission). Sends more than 1 ms behind their slot are counted and printed:
-- a run with many of them understates its tail and did not hold the rate.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *t);
]]
local clock = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads) -- for request scripts that split their work by thread
end

local interval_us, next_us
sends, late = 0, 0
function init(args)
  interval_us = 1000000 * tonumber(args[2] or "2") / tonumber(args[1] or "2000")
end

function delay()
  local now = now_us()
  if next_us == nil then
    next_us = now
  end
  local slot = next_us
  next_us = next_us + interval_us
  sends = sends + 1
  if now - slot > 1000 then
    late = late + 1
  end
  return math.max(0, math.floor((slot - now) / 1000))
end

function done(summary, latency, requests)
  local all, behind = 0, 0
  for _, thread in ipairs(threads) do
    all = all + thread:get("sends")
    behind = behind + thread:get("late")
  end
  io.write(string.format("  sends behind schedule by > 1 ms: %d of %d\n", behind, all))
  io.write(string.format("  p99.9 %.2f ms, max %.2f ms\n", latency:percentile(99.9) / 1000, latency.max / 1000))
end
