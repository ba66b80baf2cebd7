#!/usr/bin/env bash
# Data-plane benchmark: the test plays Facebook and posts signed single-event batches
# straight to Baton's /webhooks/{appId} at a fixed rate (many conversations); Baton
# stores, routes and delivers each event to the sandbox's demo bot. Measured: the ACK
# (wrk), and from Baton's intake commit to the demo bot's receipt of the event (joined
# on the delivery id), so the emulated Facebook's own cost is left out.
# Usage: bench/dataplane.sh [rates per second, comma-separated] [seconds] [people]
#        (needs wrk, psql, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
rates=${1:-200,500,1000}
seconds=${2:-30}
people=${3:-500}
port=18083
db=baton_bench_dataplane
base=http://127.0.0.1:$port
app=1000000000000011              # the demo's "Demo Support Bot"
secret=demo-support-bot-secret    # its sandbox secret
page=100000000000002

. bench/baton.sh
start_baton $port $db /tmp/baton-dataplane.log

# Distinct signed batches, enough for every run (Baton would drop a repeated mid).
total=$(python3 -c "print(sum(int(r) for r in '$rates'.split(',')) * $seconds + 100 * 40 + 5000)")
python3 - "$total" "$people" "$secret" "$page" > /tmp/bench-dataplane.bodies <<'PY'
import hashlib, hmac, json, sys
total, people, secret, page = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode(), sys.argv[4]
for i in range(total):
    event = {"sender": {"id": str(2000000000000 + i % people)}, "recipient": {"id": page},
             "timestamp": 1764000000000 + i, "message": {"mid": "m_bench_%d" % i, "text": "Is it in stock? \u00e7a"}}
    body = json.dumps({"object": "page", "entry": [{"id": page, "time": 1764000000000 + i, "messaging": [event]}]},
                      ensure_ascii=True, separators=(",", ":"))
    print("sha256=" + hmac.new(secret, body.encode(), hashlib.sha256).hexdigest(), body)
PY
cat > /tmp/bench-dataplane.lua <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local signatures, bodies = {}, {}
local next_index
function request()
  if next_index == nil then
    for line in io.lines("/tmp/bench-dataplane.bodies") do
      local space = line:find(" ")
      table.insert(signatures, line:sub(1, space - 1))
      table.insert(bodies, line:sub(space + 1))
    end
    next_index = thread_number + (tonumber(os.getenv("BENCH_OFFSET")) or 0)
  end
  local i = next_index
  next_index = next_index + 2
  return wrk.format(nil, nil, { ["X-Hub-Signature-256"] = signatures[i] }, bodies[i])
end
LUA
cat bench/paced.lua >> /tmp/bench-dataplane.lua

offset=0
run() { # name rate seconds
  local since
  since=$(date +%s%3N)
  echo "== $1: $2 events/s for $3 s, $people conversations"
  BENCH_OFFSET=$offset wrk -t2 -c64 -d"$3s" --latency -s /tmp/bench-dataplane.lua "$base/webhooks/$app" -- "$2" 2 \
    | grep -E "Requests/sec|Non-2xx|behind|Latency  |50%|99%"
  offset=$((offset + $2 * $3 + 4000))
  sleep 8
  echo "   resident memory: $(( $(grep VmRSS /proc/$baton/status | awk '{print $2}') / 1024 )) MiB"
  psql -h 127.0.0.1 -U postgres -d $db -tAc "
    SELECT '   events ' || count(*) || ', delivered ' || count(*) FILTER (WHERE d.status = 'delivered')
      || ', received by the bot ' || count(r.delivery_id)
      || '; routing lag p50 ' || round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - d.received_at)))::numeric * 1000, 1)
      || ' ms, p99 ' || round((percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - d.received_at)))::numeric * 1000, 1)
      || ' ms; intake to bot p50 ' || round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.received_at - d.received_at)))::numeric * 1000, 1)
      || ' ms, p99 ' || round((percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM r.received_at - d.received_at)))::numeric * 1000, 1) || ' ms'
    FROM baton.deliveries d
    LEFT JOIN sandbox.demo_bot_receipts r ON r.delivery_id = d.id::text AND r.app_id = d.app_id
    WHERE d.app_id = '$app' AND d.created_at >= to_timestamp($since / 1000.0)"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run "warm-up (JIT)" 200 30
for rate in ${rates//,/ }; do
  run "steady load" "$rate" "$seconds"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
