#!/usr/bin/env bash
# Start-up of two builds, alternated start by start, both as bin/run starts them (bin/start, the JVM
# defaults, each build's own class cache): the comparison for a change to the start, whose effect (a
# few percent) is smaller than what one footprint run's three starts can tell on a noisy machine.
#   1. PAIRS cold starts of each on a fresh SQLite file: launch to the first answer of
#      GET /postback/health, and the CPU the service spent until then;
#   2. PAIRS restarts of each on a fresh copy of one database that holds POSTBACKS postbacks and was
#      left by kill -9 (its write-ahead log not checkpointed), the same for both builds.
# Prints every start, then per build the medians, and how many pairs the new build was faster.
#
#   BASELINE_JAR=/tmp/old.jar bench/start-pairs.sh
#   BASELINE_JAR=/tmp/old.jar PAIRS=16 POSTBACKS=20000 bench/start-pairs.sh
set -euo pipefail
cd "$(dirname "$0")/.."

: "${BASELINE_JAR:?set BASELINE_JAR to the jar to compare with}"
PAIRS=${PAIRS:-12}
POSTBACKS=${POSTBACKS:-100000}
PLAYERS=${PLAYERS:-1000}
PORT=${PORT:-3600}

. bench/lib.sh
require_commands wrk sqlite3
work=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

TRAINING_PORT=$((PORT + 99)) bin/aot-cache target/postback-bridge.jar "$work/new" | tail -1
TRAINING_PORT=$((PORT + 98)) bin/aot-cache "$BASELINE_JAR" "$work/baseline" | tail -1

launch() {  # APP DB -> $pid
  DATABASE_URL="$2" PORT=$PORT bin/start "$1" >>"$work/service.log" 2>&1 &
  pid=$!
}
stop() {  # SIGNAL
  kill "$1" "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  pid=""
}
# One start of APP on DB, stopped once it answered: the milliseconds in $took, its CPU in $took_cpu.
timed_start() {  # APP DB
  local start_ns
  start_ns=$(date +%s%N)
  launch "$1" "$2"
  wait_for_health "$PORT" "$pid" || { echo "$1 did not start:" >&2; tail -30 "$work/service.log" >&2; exit 1; }
  took=$((($(date +%s%N) - start_ns) / 1000000))
  took_cpu=$(awk '{ print ($14 + $15) * 10 }' /proc/"$pid"/stat)
  stop -TERM
}

echo "preparing a database of $POSTBACKS postbacks, left by kill -9"
mkdir "$work/crashed"
launch "$work/new" "$work/crashed/db"
wait_for_health "$PORT" "$pid"
java bench/LoadGen.java link "http://127.0.0.1:$PORT" "$PLAYERS" >/dev/null 2>&1
round=0
while [ "$(sqlite3 "$work/crashed/db" 'SELECT COUNT(*) FROM postbacks')" -lt "$POSTBACKS" ]; do
  round=$((round + 1))
  RUN_ID="pairs$round" PLAYERS=$PLAYERS wrk -t2 -c16 -d5s -s bench/deposits.lua "http://127.0.0.1:$PORT" >/dev/null
done
stop -KILL

declare -A ms cpu
faster_cold=0 faster_restart=0
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
record() {  # KEY
  ms[$1]+="$took " cpu[$1]+="$took_cpu "
}
for pair in $(seq 1 "$PAIRS"); do
  timed_start "$work/baseline" "$work/cold-baseline.db"; record cold-baseline; cold_b=$took
  timed_start "$work/new" "$work/cold-new.db"; record cold-new; cold_n=$took
  rm -rf "$work/copy" && cp -r "$work/crashed" "$work/copy"
  timed_start "$work/baseline" "$work/copy/db"; record restart-baseline; restart_b=$took
  rm -rf "$work/copy" && cp -r "$work/crashed" "$work/copy"
  timed_start "$work/new" "$work/copy/db"; record restart-new; restart_n=$took
  [ "$cold_n" -lt "$cold_b" ] && faster_cold=$((faster_cold + 1))
  [ "$restart_n" -lt "$restart_b" ] && faster_restart=$((faster_restart + 1))
  echo "pair $pair: cold $cold_b against $cold_n ms, restart $restart_b against $restart_n ms (load average $(cut -d' ' -f1 /proc/loadavg))"
  rm -f "$work"/cold-*
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
echo
printf '%-18s %10s %10s\n' "" "ms" "CPU ms"
for key in cold-baseline cold-new restart-baseline restart-new; do
  printf '%-18s %10.0f %10.0f\n' "$key" "$(med "${ms[$key]}")" "$(med "${cpu[$key]}")"
done
awk -v c="$(med "${ms[cold-new]}")" -v cb="$(med "${ms[cold-baseline]}")" -v r="$(med "${ms[restart-new]}")" \
    -v rb="$(med "${ms[restart-baseline]}")" 'BEGIN { printf "ratio new/baseline: cold %.2f, restart %.2f\n", c / cb, r / rb }'
echo "the new build was faster in $faster_cold of $PAIRS cold starts and $faster_restart of $PAIRS restarts"
