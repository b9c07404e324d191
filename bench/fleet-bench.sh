#!/usr/bin/env bash
# Issue 4 benchmark: durable postback throughput and latency with one instance on SQLite, one instance
# on PostgreSQL and two instances sharing that PostgreSQL, side by side in one run. Closed loop: wrk with
# CONNECTIONS connections in all (split evenly over the instances), deposit postbacks to linked players.
# Prints medians of REPEATS runs per setting, each setting after WARMUP (45) seconds of unmeasured load,
# and how busy the JIT compilers still were during the measured runs (jit_cores: CPU seconds of the
# instances' C1/C2 compiler threads per second of run). A figure taken while the JIT still compiles
# is the warm-up's, not the service's: after 15 s, PostgreSQL's compilers still took 0.3 of a core.
# Names may repeat ("sqlite1 pg1 pg1 sqlite1"), so alternating them spreads the machine's drift over both.
#
#   bench/fleet-bench.sh
#   REPEATS=5 CONFIGS="pg1 pg2" bench/fleet-bench.sh
#   JAR=/tmp/previous.jar CONFIGS="pg1" bench/fleet-bench.sh     # another build, for a side-by-side run
#
# PostgreSQL: FLEET_PG_HOST_PORT (default 127.0.0.1:5432) and FLEET_PG_USER (postgres) name a server where
# the script may create databases.
set -euo pipefail
cd "$(dirname "$0")/.."

CONFIGS=${CONFIGS:-"sqlite1 pg1 pg2"}
JAR=${JAR:-target/postback-bridge.jar}
REPEATS=${REPEATS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-45}
CONNECTIONS=${CONNECTIONS:-16}
PLAYERS=${PLAYERS:-1000}
PORT=${PORT:-3500}
PG_HOST_PORT=${FLEET_PG_HOST_PORT:-127.0.0.1:5432}
PG_USER=${FLEET_PG_USER:-postgres}

. bench/lib.sh
require_commands wrk

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT


start_instance() {  # DATABASE_URL PORT LOG
  DATABASE_URL="$1" PORT=$2 java -jar "$JAR" >"$3" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$2/postback/health" >/dev/null && return 0; sleep 0.5; done
  echo "instance on :$2 did not start"; tail -30 "$3"; exit 1
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(psql --version 2>/dev/null | head -1) server at $PG_HOST_PORT"
echo "wrk, $CONNECTIONS connections in all, ${DURATION}s, $REPEATS repeats (medians)"
printf '%-8s %10s %14s %10s %10s %10s\n' config instances postbacks_rps p50 p99 jit_cores
# CPU ticks (1/100 s) the JIT compiler threads of the running instances have spent so far.
jit_ticks() {
  local pid task total=0
  for pid in "${pids[@]}"; do
    for task in /proc/"$pid"/task/*; do
      case $(cat "$task/comm" 2>/dev/null) in
        C1\ CompilerThre*|C2\ CompilerThre*) total=$((total + $(awk '{ print $14 + $15 }' "$task/stat"))) ;;
      esac
    done
  done
  echo "$total"
}
for config in $CONFIGS; do
  run="f$(date +%s%N | tail -c 8)"
  case $config in
    sqlite1) instances=1; db_url="$work/$run.db"; jdbc="jdbc:sqlite:$db_url?busy_timeout=10000" ;;
    pg1|pg2)
      instances=${config#pg}
      java -cp "$CP" bench/CrashCheck.java createdb "jdbc:postgresql://$PG_HOST_PORT/postgres?user=$PG_USER" "fleet_$run"
      db_url="postgres://$PG_USER@$PG_HOST_PORT/fleet_$run"; jdbc="jdbc:postgresql://$PG_HOST_PORT/fleet_$run?user=$PG_USER" ;;
    *) echo "unknown config $config"; exit 1 ;;
  esac
  pids=()
  for i in $(seq 0 $((instances - 1))); do start_instance "$db_url" $((PORT + i)) "$work/$config-$i.log"; done
  java -cp "$CP" bench/CrashCheck.java seed "$jdbc" "$PLAYERS" 2>/dev/null
  java bench/LoadGen.java link "http://127.0.0.1:$PORT" "$PLAYERS" 2>/dev/null
  # Unmeasured warm-up, so no measured run pays for the JIT compiling the pipeline (a cold first run
  # gave half the rate of the next ones).
  warm_pids=()
  for i in $(seq 0 $((instances - 1))); do
    RUN_ID="${run}warm-$i" PLAYERS=$PLAYERS wrk -t2 -c$((CONNECTIONS / instances)) -d"${WARMUP}s" \
      -s bench/deposits.lua "http://127.0.0.1:$((PORT + i))" >/dev/null &
    warm_pids+=($!)
  done
  wait "${warm_pids[@]}"
  rps=() p50=() p99=() jit=()
  for r in $(seq 1 "$REPEATS"); do
    jit_before=$(jit_ticks)
    wrk_pids=()
    for i in $(seq 0 $((instances - 1))); do
      RUN_ID="$run$r-$i" PLAYERS=$PLAYERS wrk -t2 -c$((CONNECTIONS / instances)) -d"${DURATION}s" --latency \
        -s bench/deposits.lua "http://127.0.0.1:$((PORT + i))" >"$work/wrk-$i" &
      wrk_pids+=($!)
    done
    wait "${wrk_pids[@]}"
    jit+=("$(awk -v ticks=$(($(jit_ticks) - jit_before)) -v seconds="$DURATION" 'BEGIN { printf "%.2f", ticks / 100 / seconds }')")
    if grep -q "Non-2xx" "$work"/wrk-*; then echo "$config: some postbacks were not answered 2xx"; cat "$work"/wrk-*; exit 1; fi
    rps+=("$(awk '/Requests\/sec/ {s += $2} END {print s}' "$work"/wrk-*)")
    p50+=("$(awk '$1 == "50%" {print $2}' "$work"/wrk-* | to_ms | sort -g | tail -1)")
    p99+=("$(awk '$1 == "99%" {print $2}' "$work"/wrk-* | to_ms | sort -g | tail -1)")
    rm -f "$work"/wrk-*
  done
  for pid in "${pids[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done; pids=()
  printf '%-8s %10s %14.0f %8.1fms %8.1fms %10s\n' "$config" "$instances" "$(printf '%s\n' "${rps[@]}" | median)" \
    "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)" "$(printf '%s\n' "${jit[@]}" | median)"
  echo "         runs: ${rps[*]} rps; jit_cores ${jit[*]}"
done
echo "(two instances: rps summed over both, p50/p99 the worse of the two)"
