#!/usr/bin/env bash
# A flood of refused requests from anyone on the internet: COUNT unauthenticated postbacks of SIZE
# bytes each, refused for their content (an over-long parameter), sent PARALLEL at a time from one
# address, while GET /postback/health is polled every 200 ms. Prints, per run, how the flood was
# answered, how health answered throughout (failures and slowest), and how much the database grew
# (database and write-ahead log, from start to end of the flood) and the database's size once the
# service stopped,
# then the medians of REPEATS runs per configuration.
#
#   bench/refused-flood.sh                                      # this build only
#   BASELINE_JAR=/tmp/old.jar CONFIGS="baseline current baseline current" bench/refused-flood.sh
#   MODE=query bench/refused-flood.sh                           # the payload in the query string instead
#
# MODE=form (default) sends each payload as a POST form body: Tomcat reads up to 2 MB of one, so
# this is the case that reaches the application. MODE=query sends it in the query string of a GET,
# which Tomcat refuses past its 8 KB header limit before the application sees it.
set -euo pipefail
cd "$(dirname "$0")/.."

CONFIGS=${CONFIGS:-current}
REPEATS=${REPEATS:-1}
COUNT=${COUNT:-500}
SIZE=${SIZE:-2097152}
PARALLEL=${PARALLEL:-4}
MODE=${MODE:-form}
PORT=${PORT:-3150}

. bench/lib.sh
TOKEN=bench-admin-token-$$

work=$(mktemp -d)
service_pid="" poller_pid=""
cleanup() {
  [ -n "$poller_pid" ] && kill "$poller_pid" 2>/dev/null
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null
  wait 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT

# The payload: a well-formed deposit but for one parameter far over the length limit.
prefix="event=deposit&user_id=flood&amount=5&sub2="
head -c $((SIZE - ${#prefix})) /dev/zero | tr '\0' 'x' | { printf '%s' "$prefix"; cat; } >"$work/payload"

megabytes() { { du -cb "$@" 2>/dev/null || true; } | awk 'END { printf "%.2f", $1 / 1048576 }'; }

# Prints the answer's status; 000 when the server closed the connection before answering.
send_one() {
  if [ "$MODE" = form ]; then
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 -H 'Content-Type: application/x-www-form-urlencoded' \
      --data-binary @"$work/payload" "http://127.0.0.1:$PORT/postback/1win" || true
  else
    # Too long for a command line: written to the socket as is. The server may answer and close
    # before the whole request is written; what it answered is read all the same.
    ( exec 3<>"/dev/tcp/127.0.0.1/$PORT"
      { printf 'GET /postback/1win?'; cat "$work/payload"; printf ' HTTP/1.0\r\nHost: t\r\n\r\n'; } >&3 2>/dev/null
      head -c 12 <&3 | awk '{ print $2 }' ) 2>/dev/null || echo 000
  fi
}
export -f send_one; export work MODE PORT

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $COUNT refused requests of $SIZE bytes ($MODE), $PARALLEL at a time"
printf '%-9s %-22s %9s %12s %14s %14s %14s %10s\n' config answers seconds health_fail health_max_ms growth_MB db_after_stop_MB rows
declare -A live file slowest failed seconds
for config in $CONFIGS; do
  jar=target/postback-bridge.jar run_number=$((${run_number:-0} + 1))
  case $config in
    current) ;;
    baseline) jar=${BASELINE_JAR:?set BASELINE_JAR to the jar to compare with} ;;
    *) echo "unknown config $config"; exit 1 ;;
  esac
  db="$work/$config-$run_number.db"
  ADMIN_TOKEN="$TOKEN" DATABASE_URL="$db" PORT=$PORT java -Xmx512m -jar "$jar" >"$work/$config-$run_number.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/postback/health" >/dev/null && break; sleep 0.5; done
  before=$(megabytes "$db" "$db-wal")

  : >"$work/health"
  ( while :; do
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 5 "http://127.0.0.1:$PORT/postback/health" >>"$work/health" || true
      sleep 0.2
    done ) &
  poller_pid=$!
  start=$(date +%s.%N)
  answers=$(seq 1 "$COUNT" | xargs -P "$PARALLEL" -I{} bash -c send_one | sort | uniq -c | awk '{ printf "%s%s×%s", (NR > 1 ? "," : ""), $1, $2 }')
  elapsed=$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }")
  sleep 1
  kill "$poller_pid"; wait "$poller_pid" 2>/dev/null || true; poller_pid=""

  growth_live=$(awk "BEGIN { printf \"%.2f\", $(megabytes "$db" "$db-wal") - $before }")
  rows=$(sqlite3 "$db" "SELECT COUNT(*) FROM postbacks" 2>/dev/null || echo "?")
  health_fail=$(awk '$1 != 200' "$work/health" | wc -l)
  health_total=$(wc -l <"$work/health")
  health_max=$(awk '{ if ($2 > m) m = $2 } END { printf "%.0f", m * 1000 }' "$work/health")
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""
  growth_file=$(megabytes "$db" "$db-wal")
  rm -f "$db" "$db-wal" "$db-shm"

  printf '%-9s %-22s %9s %12s %14s %14s %14s %10s\n' "$config" "$answers" "$elapsed" "$health_fail/$health_total" \
    "$health_max" "$growth_live" "$growth_file" "$rows"
  live[$config]+="$growth_live " file[$config]+="$growth_file " slowest[$config]+="$health_max "
  failed[$config]+="$health_fail " seconds[$config]+="$elapsed "
done

echo
echo "medians per configuration:"
for config in $(tr ' ' '\n' <<<"$CONFIGS" | awk '!seen[$0]++'); do
  printf '%-9s seconds %s, health failures %s, slowest health %s ms, database growth %s MB (database and log while running), database %s MB after stop\n' \
    "$config" "$(tr ' ' '\n' <<<"${seconds[$config]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${failed[$config]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${slowest[$config]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${live[$config]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${file[$config]}" | grep . | median)"
done
