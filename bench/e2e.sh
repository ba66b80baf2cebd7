#!/usr/bin/env bash
# End-to-end benchmark: people in the sandbox send messages at a fixed rate; each goes
# through the sandbox's webhook sender, Baton's intake, routing and delivery, and ends at
# the sandbox's demo bot, which records when it arrived. Latency is the demo bot's
# arrival time minus the message's own timestamp (set by the sandbox at the send).
# Usage: bench/e2e.sh [rates per second, comma-separated] [seconds] [people]
#        (needs wrk, curl, psql, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
rates=${1:-100,200,500}
seconds=${2:-30}
people=${3:-200}
port=18081
db=baton_bench_e2e
base=http://127.0.0.1:$port
app=1000000000000011              # the demo's "Demo Support Bot"

. bench/baton.sh
start_baton $port $db /tmp/baton-e2e.log
sleep 2
page=$(curl -s $base/sandbox/api/pages | python3 -c "import json,sys; print([p['id'] for p in json.load(sys.stdin)['data'] if p['name']=='Demo Shoes'][0])")
# Only the support bot takes the page's conversations: it is the primary receiver.
curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"app_id\":\"$app\",\"role\":\"primary_receiver\"}" \
  $base/sandbox/api/messenger/pages/$page/app-roles
ids=()
for i in $(seq 1 "$people"); do
  ids+=("$(curl -s -H 'Content-Type: application/json' -d "{\"name\":\"Shopper $i\"}" $base/sandbox/api/users \
    | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")")
done
{
  echo "local people = {$(printf '"%s",' "${ids[@]}")}"
  echo "local page = \"$page\""
  cat <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text":"Is this in stock?"}'
local turn = 0
function request()
  turn = turn + 1
  local person = people[(turn % #people) + 1]
  return wrk.format(nil, "/sandbox/api/messenger/pages/" .. page .. "/people/" .. person .. "/message")
end
LUA
  cat bench/paced.lua
} > /tmp/bench-e2e.lua

stats() { # since-ms
  curl -s "$base/sandbox/api/demo-bot/$app/stats?since=$1"
}
run() { # name rate seconds
  local since
  since=$(($(date +%s%3N)))
  echo "== $1: $2 messages/s for $3 s, $people people, page $page"
  wrk -t2 -c64 -d"$3s" --latency -s /tmp/bench-e2e.lua "$base" -- "$2" 2 | grep -E "Requests/sec|Non-2xx|behind|Latency  |99%"
  sleep 5
  echo "   resident memory: $(( $(grep VmRSS /proc/$baton/status | awk '{print $2}') / 1024 )) MiB"
  echo "   demo bot: $(stats "$since")"
  psql -h 127.0.0.1 -U postgres -d $db -tAc "SELECT '   deliveries: ' || count(*) || ', delivered ' || count(*) FILTER (WHERE status = 'delivered')
    || ', routing lag p50 ' || round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - received_at)))::numeric * 1000, 1)
    || ' ms, p99 ' || round((percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - received_at)))::numeric * 1000, 1)
    || ' ms; intake to bot p50 ' || round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - received_at)))::numeric * 1000, 1)
    || ' ms, p99 ' || round((percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - received_at)))::numeric * 1000, 1) || ' ms'
    FROM baton.deliveries WHERE app_id = '$app' AND created_at >= to_timestamp($since / 1000.0)"
}
run "warm-up (JIT)" 100 30
for rate in ${rates//,/ }; do
  run "steady load" "$rate" "$seconds"
done
