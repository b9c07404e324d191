#!/usr/bin/env bash
# Issue 6, "crash and restart": drives deposit postbacks at RATE/s (unique transaction IDs), kills the
# service with SIGKILL mid-load, restarts it on the same database, and checks that every postback that got
# a 2xx is stored once with its effects (event + message) applied exactly once, and that the messages
# pending at the crash go out after the restart — to a fake Bot API (bench/FakeTelegram.java) that writes
# down every message it gets, so messages delivered twice (the crash window) or never are counted.
# Telegram's rate limits are lifted for the run (TELEGRAM_MESSAGES_PER_SECOND, per-chat interval 0), or
# draining 20,000 messages would take 11 minutes. Repeats ROUNDS times per database vendor.
#
#   bench/crash-recovery.sh                      # 5 rounds on SQLite and (if reachable) PostgreSQL
#   ROUNDS=2 VENDORS=sqlite bench/crash-recovery.sh
#   JAR=/tmp/previous.jar ROUNDS=1 bench/crash-recovery.sh     # another build, as java -jar
#
# This build starts as bin/run and the image start it (bin/start: the JVM defaults and the class cache),
# so the restart is the one an operator gets. Each round's line gives down_for (kill to the first health
# answer after the restart, polled every 0.5 s) and longest_without_ack (the longest time in which the
# driver got no postback acknowledged: the outage as the partner program sees it).
#
# PostgreSQL: CRASH_PG_URL (default postgres://postgres@127.0.0.1:5432/test) names a server where the
# script may create databases; without one the PostgreSQL rounds are skipped, and the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
RATE=${RATE:-1000}
DURATION=${DURATION:-20}
PLAYERS=${PLAYERS:-200}
PORT=${PORT:-3200}
FAKE_PORT=${FAKE_PORT:-3201}
VENDORS=${VENDORS:-"sqlite postgresql"}
PG_HOST_PORT=${CRASH_PG_HOST_PORT:-127.0.0.1:5432}
PG_USER=${CRASH_PG_USER:-postgres}

. bench/lib.sh

work=$(mktemp -d)
service_pid=""
driver_pid=""
fake_pid=""
cleanup() {
  [ -n "$service_pid" ] && kill -9 "$service_pid" 2>/dev/null || true
  [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null || true
  [ -n "$driver_pid" ] && kill "$driver_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

check() { java -cp "$CP" bench/CrashCheck.java "$@"; }

if [ -z "${JAR:-}" ]; then
  TRAINING_PORT=$((PORT + 99)) bin/aot-cache target/postback-bridge.jar "$work/app"
fi
start_service() {  # DATABASE_URL
  local launch=(bin/start "$work/app")
  [ -n "${JAR:-}" ] && launch=(java -jar "$JAR")
  DATABASE_URL="$1" PORT=$PORT TELEGRAM_TOKEN=123456:CRASH TELEGRAM_API_URL="http://127.0.0.1:$FAKE_PORT" \
    TELEGRAM_MESSAGES_PER_SECOND=1000 TELEGRAM_PER_CHAT_INTERVAL=0s \
    "${launch[@]}" >>"$work/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/postback/health" >/dev/null && return 0
    sleep 0.5
  done
  echo "service did not start; log:"; tail -50 "$work/service.log"; exit 1
}

await_no_pending() {  # JDBC_URL
  for _ in $(seq 1 300); do
    [ "$(check pending "$1")" = "0" ] && return 0
    sleep 1
  done
  return 1
}

failures=0
echo "rate=${RATE}/s duration=${DURATION}s players=${PLAYERS} rounds=${ROUNDS}"
for vendor in $VENDORS; do
  if [ "$vendor" = postgresql ] && ! check pending "jdbc:postgresql://$PG_HOST_PORT/postgres?user=$PG_USER" >/dev/null 2>&1; then
    # "pending" fails on a server without our schema, so ask the server itself instead.
    if ! java -cp "$CP" bench/CrashCheck.java createdb "jdbc:postgresql://$PG_HOST_PORT/postgres?user=$PG_USER" "crash_probe_$$" 2>/dev/null; then
      echo "postgresql: no server at $PG_HOST_PORT, skipped"; continue
    fi
  fi
  for round in $(seq 1 "$ROUNDS"); do
    run="r$(date +%s%N | tail -c 10)"
    if [ "$vendor" = sqlite ]; then
      db_url="$work/$run.db"
      jdbc="jdbc:sqlite:$db_url?busy_timeout=10000"
    else
      name="crash_$run"
      check createdb "jdbc:postgresql://$PG_HOST_PORT/postgres?user=$PG_USER" "$name"
      db_url="postgres://$PG_USER@$PG_HOST_PORT/$name"
      jdbc="jdbc:postgresql://$PG_HOST_PORT/$name?user=$PG_USER"
    fi
    java -cp "$CP" bench/FakeTelegram.java "$FAKE_PORT" "$work/$run.telegram" >"$work/$run.fake" 2>&1 &
    fake_pid=$!
    for _ in $(seq 1 100); do grep -q "ready" "$work/$run.fake" 2>/dev/null && break; sleep 0.1; done
    start_service "$db_url"
    check seed "$jdbc" "$PLAYERS"
    java bench/LoadGen.java link "http://127.0.0.1:$PORT" "$PLAYERS"
    java bench/CrashDriver.java "http://127.0.0.1:$PORT" "$RATE" "$DURATION" "$PLAYERS" "$run" "$work/$run.acked" \
      >"$work/$run.driver" 2>&1 &
    driver_pid=$!
    for _ in $(seq 1 300); do grep -q "load started" "$work/$run.driver" 2>/dev/null && break; sleep 0.1; done
    sleep "$(( 3 + RANDOM % 4 ))"
    kill -9 "$service_pid"; wait "$service_pid" 2>/dev/null || true
    killed_at=$(date +%s.%N)
    killed_at_ms=$(date +%s%3N)
    sleep 1
    start_service "$db_url"
    restarted=$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $killed_at }")
    wait "$driver_pid" || { echo "driver failed:"; grep -v WARNING "$work/$run.driver"; exit 1; }
    driver_pid=""
    if await_no_pending "$jdbc"; then pending=0; else pending=$(check pending "$jdbc"); fi
    result=$(check verify "$jdbc" "$work/$run.acked" "$run") && ok=yes || ok=no
    telegram=$(check telegram "$jdbc" "$work/$run.telegram" "$killed_at_ms") || ok=no
    grep "not acknowledged" "$work/$run.driver" | head -3 || true
    echo "$vendor round $round: $(tail -1 "$work/$run.driver" | sed 's/^driver summary: //') | $result | $telegram | pending_after_restart=$pending | down_for=${restarted}s | ok=$ok"
    [ "$ok" = yes ] && [ "$pending" = 0 ] || failures=$((failures + 1))
    kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""
    kill "$fake_pid"; wait "$fake_pid" 2>/dev/null || true; fake_pid=""
  done
done
echo "rounds failed: $failures"
exit $(( failures > 0 ))
