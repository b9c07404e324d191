#!/usr/bin/env bash
# Tail latency, quickly, for comparing builds: each jar is started with `java -jar` on a fresh SQLite
# database, PLAYERS (1,000) players are linked, then LoadGen sends RATE (1,000) deposit postbacks/s for
# DURATION (25), open loop, after a 5 s warm-up. Rounds alternate between the jars (a b a b ...) so the
# machine's drift spreads over all of them; the summary gives each jar's median p50 and p99 and its
# ratio to the first jar's, and the service's CPU time per 1,000 postbacks (warm-up included): on a
# machine shared with other work the CPU time varies far less than latencies do.
#
#   bench/tail.sh old=/tmp/old.jar new=target/postback-bridge.jar
#   ROUNDS=5 RATE=500 PORT=3510 bench/tail.sh /tmp/a.jar /tmp/b.jar
#   bench/tail.sh old=/tmp/old.jar new=/tmp/app   # a folder prepared by bin/aot-cache runs with bin/start
#   ENV_wide="SERVER_TOMCAT_MAX_CONNECTIONS=8192" bench/tail.sh new=a.jar wide=a.jar   # settings per build
#   JFR=/tmp/jfr bench/tail.sh old=/tmp/old.jar new=/tmp/new.jar     # a flight recording of each run's
#       measured load, to compare with `jfr view hot-methods|gc-pauses|contention-by-site /tmp/jfr/new-1.jfr`
# Each run also reports the most connections the service had open at once (sampled every 0.2 s).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
RATE=${RATE:-1000}
DURATION=${DURATION:-25}
PLAYERS=${PLAYERS:-1000}
PORT=${PORT:-3500}
[ $# -gt 0 ] || { sed -n '2,11p' "$0"; exit 2; }

NO_BUILD=1 . bench/lib.sh
work=$(mktemp -d)
service_pid=""
stop_service() {
  [ -n "$service_pid" ] || return 0
  kill "$service_pid" 2>/dev/null || true
  while kill -0 "$service_pid" 2>/dev/null; do sleep 0.05; done
  service_pid=""
}
cleanup() { stop_service; rm -rf "$work"; }
trap cleanup EXIT

# LoadGen compiled once, so that no run pays javac's CPU on a 2-core machine.
javac -d "$work/loadgen" bench/LoadGen.java
[ -z "${JFR:-}" ] || mkdir -p "$JFR"

labels=() paths=()
for arg in "$@"; do
  if [[ $arg == *=* ]]; then labels+=("${arg%%=*}") paths+=("${arg#*=}"); else labels+=("$(basename "$arg" .jar)") paths+=("$arg"); fi
done

# CONNECTION_TIMEOUT_MS (the service's default: 1,000) lets a start on a machine busy with other work
# wait longer for its first database connection instead of failing.
launch() {  # LABEL PATH DB LOG: a jar with java -jar, a folder prepared by bin/aot-cache with bin/start
  [ -z "${CONNECTION_TIMEOUT_MS:-}" ] || export POSTBACK_BRIDGE_DATABASE_CONNECTION_TIMEOUT_MS=$CONNECTION_TIMEOUT_MS
  local settings="ENV_$1"
  # shellcheck disable=SC2086 # the settings are words VAR=value
  if [ -d "$2" ]; then env ${!settings:-} DATABASE_URL="$3" PORT=$PORT bin/start "$2" >"$4" 2>&1 &
  else env ${!settings:-} DATABASE_URL="$3" PORT=$PORT java -jar "$2" >"$4" 2>&1 & fi
  service_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/postback/health"; do
    kill -0 "$service_pid" 2>/dev/null || { echo "$2 did not start:" >&2; tail -30 "$4" >&2; exit 1; }
    sleep 0.1
  done
}
# bin/start runs java as its child; java -jar is the service itself.
java_pid() { pgrep -P "$service_pid" java || echo "$service_pid"; }
cpu_ms() { awk '{ print ($14 + $15) * 10 }' /proc/"$(java_pid)"/stat; }
open_connections() { ss -Htn state established "( sport = :$PORT )" | wc -l; }
watch_connections() { local most=0 now; while sleep 0.2; do now=$(open_connections); [ "$now" -le "$most" ] || { most=$now; echo "$most" >"$work/connections"; }; done; }
last() { awk '{ print $NF }' <<<"$1"; }
field() { grep -o " $1=[0-9.]*" | head -1 | cut -d= -f2; }

declare -A p50 p99 errors busy cpu connections
echo "rate $RATE/s for $DURATION s, $ROUNDS rounds; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!paths[@]}"; do
    label=${labels[$i]} db="$work/$i-$round.db" log="$work/$i-$round.log"
    launch "$label" "${paths[$i]}" "$db" "$log"
    java -cp "$work/loadgen" LoadGen link "http://127.0.0.1:$PORT" "$PLAYERS" >/dev/null
    [ -z "${JFR:-}" ] || jcmd "$(java_pid)" JFR.start name=tail settings=profile >/dev/null
    echo 0 >"$work/connections"
    watch_connections & watcher=$!
    cpu_before=$(cpu_ms)
    out=$(java -cp "$work/loadgen" LoadGen rate "http://127.0.0.1:$PORT" "$RATE" "$DURATION" "$PLAYERS" "$label$round" 2>&1)
    cpu[$label]+="$((($(cpu_ms) - cpu_before) * 1000 / (RATE * (DURATION + 5)))) "
    kill "$watcher"; wait "$watcher" 2>/dev/null || true
    connections[$label]+="$(cat "$work/connections") "
    [ -z "${JFR:-}" ] || jcmd "$(java_pid)" JFR.dump name=tail filename="$JFR/$label-$round.jfr" >/dev/null
    stop_service
    p50[$label]+="$(field p50 <<<"$out") " p99[$label]+="$(field p99 <<<"$out") " errors[$label]+="$(field errors <<<"$out") " busy[$label]+="$(field busy <<<"$out") "
    echo "round $round $label: $out cpu=$(last "${cpu[$label]}")ms/1000 connections=$(last "${connections[$label]}") (load average $(cut -d' ' -f1 /proc/loadavg))"
    rm -f "$db"*
  done
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
echo
printf '%-14s %10s %10s %10s %14s  %s\n' build "p50 ms" "p99 ms" "p99 ratio" "CPU ms/1,000" "runs: p99 | CPU | errors (not answered or not 200) | of them 503 busy | most connections"
first_p99=$(med "${p99[${labels[0]}]}")
for label in "${labels[@]}"; do
  m=$(med "${p99[$label]}")
  printf '%-14s %10.1f %10.1f %10.2f %14.0f  %s| %s| %s| %s| %s\n' "$label" "$(med "${p50[$label]}")" "$m" \
    "$(awk -v a="$m" -v b="$first_p99" 'BEGIN { print a / b }')" "$(med "${cpu[$label]}")" "${p99[$label]}" "${cpu[$label]}" "${errors[$label]}" "${busy[$label]:-}" "${connections[$label]}"
done
