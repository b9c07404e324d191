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
#   START=bin/start bench/tail.sh old=/tmp/old.jar new=/tmp/app   # a folder prepared by bin/aot-cache
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

labels=() paths=()
for arg in "$@"; do
  if [[ $arg == *=* ]]; then labels+=("${arg%%=*}") paths+=("${arg#*=}"); else labels+=("$(basename "$arg" .jar)") paths+=("$arg"); fi
done

launch() {  # PATH DB LOG: a jar with java -jar, a folder prepared by bin/aot-cache with bin/start
  if [ -d "$1" ]; then DATABASE_URL="$2" PORT=$PORT bin/start "$1" >"$3" 2>&1 &
  else DATABASE_URL="$2" PORT=$PORT java -jar "$1" >"$3" 2>&1 & fi
  service_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/postback/health"; do
    kill -0 "$service_pid" 2>/dev/null || { echo "$1 did not start:" >&2; tail -30 "$3" >&2; exit 1; }
    sleep 0.1
  done
}
cpu_ms() { awk '{ print ($14 + $15) * 10 }' /proc/"$service_pid"/stat; }
last() { awk '{ print $NF }' <<<"$1"; }
field() { grep -o " $1=[0-9.]*" | head -1 | cut -d= -f2; }

declare -A p50 p99 errors cpu
echo "rate $RATE/s for $DURATION s, $ROUNDS rounds; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!paths[@]}"; do
    label=${labels[$i]} db="$work/$i-$round.db" log="$work/$i-$round.log"
    launch "${paths[$i]}" "$db" "$log"
    java -cp "$work/loadgen" LoadGen link "http://127.0.0.1:$PORT" "$PLAYERS" >/dev/null
    cpu_before=$(cpu_ms)
    out=$(java -cp "$work/loadgen" LoadGen rate "http://127.0.0.1:$PORT" "$RATE" "$DURATION" "$PLAYERS" "$label$round" 2>&1)
    cpu[$label]+="$((($(cpu_ms) - cpu_before) * 1000 / (RATE * (DURATION + 5)))) "
    stop_service
    p50[$label]+="$(field p50 <<<"$out") " p99[$label]+="$(field p99 <<<"$out") " errors[$label]+="$(field errors <<<"$out") "
    echo "round $round $label: $out cpu=$(last "${cpu[$label]}")ms/1000 (load average $(cut -d' ' -f1 /proc/loadavg))"
    rm -f "$db"*
  done
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
echo
printf '%-14s %10s %10s %10s %14s  %s\n' build "p50 ms" "p99 ms" "p99 ratio" "CPU ms/1,000" "runs: p99 | CPU | not answered"
first_p99=$(med "${p99[${labels[0]}]}")
for label in "${labels[@]}"; do
  m=$(med "${p99[$label]}")
  printf '%-14s %10.1f %10.1f %10.2f %14.0f  %s| %s| %s\n' "$label" "$(med "${p50[$label]}")" "$m" \
    "$(awk -v a="$m" -v b="$first_p99" 'BEGIN { print a / b }')" "$(med "${cpu[$label]}")" "${p99[$label]}" "${cpu[$label]}" "${errors[$label]}"
done
