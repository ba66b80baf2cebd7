# Sourced by the benchmark scripts: starts the built Baton on a fresh database in demo
# mode (the sandbox's demo apps, pages and demo bot) and waits until the demo apps are
# connected and point at the demo bot. Sets $baton (its pid) and stops it on exit, and
# $management_port (PORT + 1000, loopback only), where the metrics are: Baton refuses them on PORT.
# Usage: start_baton PORT DATABASE LOG [extra arguments…]; BATON_JAVA_OPTS adds JVM options.
start_baton() {
  local port=$1 db=$2 log=$3
  shift 3
  management_port=$((port + 1000))
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
  [ -f backend/target/baton.jar ] || mvn -B -q -DskipTests package
  java ${BATON_JAVA_OPTS:--Xmx512m} -jar backend/target/baton.jar --server.port="$port" --baton.db.name="$db" \
    --baton.public-url="http://127.0.0.1:$port" --management.server.port="$management_port" \
    --management.server.address=127.0.0.1 --logging.level.root=WARN "$@" > "$log" 2>&1 &
  baton=$!
  trap 'kill $baton 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    if psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) FROM baton.apps a WHERE a.bot_endpoint LIKE '%demo-bot%'
        AND EXISTS (SELECT 1 FROM baton.page_connections c WHERE c.app_id = a.app_id)" 2>/dev/null | grep -q 2; then
      return
    fi
    sleep 1
  done
  echo "Baton did not start; see $log" >&2
  exit 1
}
