#!/usr/bin/env bash
# Ingress benchmark: wrk against a running Baton, the signed webhook endpoint side by
# side with a bare WebFlux endpoint that answers 200 without work (the ceiling).
# Then the same two endpoints at a fixed rate (bench/paced.lua), for the tail latency at that rate.
# Usage: bench/ingress.sh [seconds] [connections] [rate]   (needs wrk, openssl, psql; docs/benchmarks.md)
# Extra arguments for Baton go in BATON_ARGS, e.g. BATON_ARGS=--baton.ingress.concurrent-flushes=1
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-32}
rate=${3:-2000}
port=18080
db=baton_bench
app=1000000000000011              # the demo's "Demo Support Bot"
secret=demo-support-bot-secret    # its sandbox secret

. bench/baton.sh
# shellcheck disable=SC2086 # BATON_ARGS holds several arguments
# Intake alone: routing and delivery are measured by bench/dataplane.sh.
start_baton $port $db /tmp/baton-bench.log --baton.bench.enabled=true --baton.routing.enabled=false \
  --baton.delivery.enabled=false ${BATON_ARGS:-}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # name path entries [rate]
  local name=$1 path=$2 entries=$3 paced=${4:-}
  local body
  body=$(python3 -c "
import json,sys
n=int(sys.argv[1])
print(json.dumps({'object':'page','entry':[{'id':'100000000000002','time':1,'messaging':[{'sender':{'id':'1%014d'%i},'recipient':{'id':'100000000000002'},'timestamp':1,'message':{'mid':'m_%d'%i,'text':'hello \u00e7a va'}}]} for i in range(n)]}, ensure_ascii=True, separators=(',',':')))" "$entries")
  local signature
  signature=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')
  cat > /tmp/bench-post.lua <<LUA
wrk.method = "POST"
wrk.body = [[$body]]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Hub-Signature-256"] = "sha256=$signature"
LUA
  wrk -t2 -c"$connections" -d10s -s /tmp/bench-post.lua "http://127.0.0.1:$port$path" >/dev/null   # warm-up
  if [ -n "$paced" ]; then
    cat /tmp/bench-post.lua bench/paced.lua > /tmp/bench-paced.lua
    echo "== $name ($entries entries per batch, $paced requests/s fixed rate, 64 connections, ${seconds}s)"
    wrk -t2 -c64 -d"${seconds}s" --latency -s /tmp/bench-paced.lua "http://127.0.0.1:$port$path" -- "$paced" 2 \
      | grep -E "Requests/sec|Non-2xx|Latency  |50%|90%|99%|behind|p99.9"
  else
    echo "== $name ($entries entries per batch, $connections connections, ${seconds}s)"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s /tmp/bench-post.lua "http://127.0.0.1:$port$path" \
      | grep -E "Requests/sec|Non-2xx|Latency  |50%|99%"
  fi
  echo "   resident memory: $(( $(grep VmRSS /proc/$baton/status | awk '{print $2}') / 1024 )) MiB"
}

run "bare endpoint, 1 event" "/bench/bare/$app" 1
run "ingress, 1 event" "/webhooks/$app" 1
run "bare endpoint, 100 events" "/bench/bare/$app" 100
run "ingress, 100 events" "/webhooks/$app" 100
run "bare endpoint, 1 event, fixed rate" "/bench/bare/$app" 1 "$rate"
run "ingress, 1 event, fixed rate" "/webhooks/$app" 1 "$rate"
echo "stored batches: $(psql -h 127.0.0.1 -U postgres -d $db -tAc 'SELECT count(*) FROM baton.webhook_batches')"
echo "acknowledged:   $(curl -s "http://127.0.0.1:$management_port/actuator/prometheus" | awk '/^baton_ingress_requests_total\{.*outcome="received"/ {print $2}')"
curl -s "http://127.0.0.1:$management_port/actuator/prometheus" | grep -E '^baton_ingress_group_size_batches_(count|sum|max)'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
