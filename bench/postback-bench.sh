#!/usr/bin/env bash
# Issue 2 benchmark: durable postbacks/s and latency against the same server's trivial
# GET /postback/health, measured side by side in one run, for three storage settings:
#   full     - the default: SQLite WAL, synchronous=FULL, group commit
#   normal   - SQLITE_SYNCHRONOUS=NORMAL (opt-in; may lose the last commits on power loss)
#   batch1   - synchronous=FULL with one commit per postback (group commit off): the naive baseline
# Both endpoints are warmed up first, unmeasured (5 s of health, 20 s of deposits).
# Each postback is a deposit for one of PLAYERS linked users, so the whole pipeline runs (store,
# attribute, apply, event, messages). Prints medians of REPEATS alternating runs, then the medians of
# REPEATS runs' p50/p99 at a fixed RATE/s (open loop, after a warm-up at that rate), next to the
# health endpoint's p99 at the same rate: the tail this machine gives any request.
# Then where the CPU went, per request, during the wrk runs: the service's CPU per health request
# and per postback, the group-commit writer thread's share and its mean batch size, and what SQLite
# alone (bench/SqliteFloor.java) spends for the same rows at that batch size, on the same database
# once the service has stopped: the gap between the two is ours, the rest is SQLite's.
#
#   bench/postback-bench.sh                 # all three settings
#   CONFIGS=full REPEATS=5 bench/postback-bench.sh
#   SERVICE_JAVA_OPTS=-XX:+UseZGC CONFIGS=full bench/postback-bench.sh   # JVM options for the service only
#   BASELINE_JAR=/tmp/old.jar CONFIGS="baseline full baseline full" bench/postback-bench.sh
#       # "baseline" is "full" run with a jar built from an earlier commit; names may repeat, so
#       # alternating them spreads the machine's drift over both
set -euo pipefail
cd "$(dirname "$0")/.."

CONFIGS=${CONFIGS:-"full normal batch1"}
REPEATS=${REPEATS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
RATE=${RATE:-500}
PLAYERS=${PLAYERS:-1000}
PORT=${PORT:-3300}

. bench/lib.sh
require_commands wrk
TOKEN=bench-admin-token-$$

# CPU seconds (user + system) of a process, or of one of its threads given /proc/PID/task/TID.
cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "$1/stat"; }
# The group-commit batch sizes so far: "count sum".
batches() { curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/actuator/prometheus" \
    | awk '/^postback_bridge_group_commit_batch_size_count/ { c = $2 } /^postback_bridge_group_commit_batch_size_sum/ { s = $2 } END { print c, s }'; }
# wrk's count of requests.
requests() { awk '/requests in/ { print $1 }'; }

work=$(mktemp -d)
service_pid=""
cleanup() { [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT


echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s, $REPEATS repeats (medians), fixed rate $RATE/s for ${DURATION}s"
printf '%-8s %12s %14s %7s %10s %10s %16s %16s %18s\n' config health_rps postbacks_rps ratio wrk_p50 wrk_p99 "p50@${RATE}/s" "p99@${RATE}/s" "health_p99@${RATE}/s"
for config in $CONFIGS; do
  env_args=() jar=target/postback-bridge.jar run_number=$((${run_number:-0} + 1))
  case $config in
    full) ;;
    normal) env_args=(SQLITE_SYNCHRONOUS=NORMAL) ;;
    batch1) env_args=(POSTBACKBRIDGE_DATABASE_MAXBATCH=1) ;;
    baseline) jar=${BASELINE_JAR:?set BASELINE_JAR to the jar to compare with} ;;
    *) echo "unknown config $config"; exit 1 ;;
  esac
  db="$work/$config-$run_number.db"
  # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS is a list of options
  env "${env_args[@]}" ADMIN_TOKEN="$TOKEN" DATABASE_URL="$db" PORT=$PORT java ${SERVICE_JAVA_OPTS:-} -jar "$jar" >"$work/$config-$run_number.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/postback/health" >/dev/null && break; sleep 0.5; done
  java -cp "$CP" bench/CrashCheck.java seed "jdbc:sqlite:$db?busy_timeout=10000" "$PLAYERS" 2>/dev/null
  java bench/LoadGen.java link "http://127.0.0.1:$PORT" "$PLAYERS" 2>/dev/null
  # Unmeasured warm-up of both endpoints, so no measured run pays for the JIT compiling them (its
  # compiler threads took more CPU than the writer in the first 10 s of deposits, and settled by 20 s).
  wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT/postback/health" >/dev/null
  RUN_ID="$config$run_number-warm" PLAYERS=$PLAYERS wrk -t2 -c"$CONNECTIONS" -d20s -s bench/deposits.lua "http://127.0.0.1:$PORT" >/dev/null
  writer=$(grep -l '^group-commit$' /proc/"$service_pid"/task/*/comm | head -1 | xargs dirname)
  health=() postbacks=() p50=() p99=() health_cpu=() postback_cpu=() writer_cpu=() batch=()
  for r in $(seq 1 "$REPEATS"); do
    before=$(cpu_seconds /proc/"$service_pid")
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$PORT/postback/health")
    health+=("$(awk '/Requests\/sec/ {print $2}' <<<"$out")")
    health_cpu+=("$(awk "BEGIN { printf \"%.0f\", ($(cpu_seconds /proc/"$service_pid") - $before) * 1e6 / $(requests <<<"$out") }")")
    before=$(cpu_seconds /proc/"$service_pid") writer_before=$(cpu_seconds "$writer") batches_before=$(batches)
    out=$(RUN_ID="$config$run_number-$r" PLAYERS=$PLAYERS wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/deposits.lua "http://127.0.0.1:$PORT")
    if grep -q "Non-2xx" <<<"$out"; then echo "$config: some postbacks were not answered 2xx:"; echo "$out"; exit 1; fi
    n=$(requests <<<"$out")
    postback_cpu+=("$(awk "BEGIN { printf \"%.0f\", ($(cpu_seconds /proc/"$service_pid") - $before) * 1e6 / $n }")")
    writer_cpu+=("$(awk "BEGIN { printf \"%.0f\", ($(cpu_seconds "$writer") - $writer_before) * 1e6 / $n }")")
    batch+=("$(echo "$batches_before" "$(batches)" | awk '$3 > $1 { printf "%.1f", ($4 - $2) / ($3 - $1) }')")
    postbacks+=("$(awk '/Requests\/sec/ {print $2}' <<<"$out")")
    p50+=("$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)")
    p99+=("$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)")
  done
  fixed_p50=() fixed_p99=() health_p99=() fixed=""
  for r in $(seq 1 "$REPEATS"); do
    run=$(java bench/LoadGen.java rate "http://127.0.0.1:$PORT" "$RATE" "$DURATION" "$PLAYERS" "${config}${run_number}fixed$r" 2>/dev/null)
    if ! grep -q ' errors=0 ' <<<"$run"; then echo "$config: some fixed-rate postbacks failed: $run"; exit 1; fi
    fixed_p50+=("$(grep -o ' p50=[^ ]*' <<<"$run" | head -1 | cut -d= -f2 | to_ms)")
    fixed_p99+=("$(grep -o ' p99=[^ ]*' <<<"$run" | head -1 | cut -d= -f2 | to_ms)")
    fixed+="| $run "
    run=$(java bench/LoadGen.java health-rate "http://127.0.0.1:$PORT" "$RATE" "$DURATION" 2>/dev/null)
    health_p99+=("$(grep -o ' p99=[^ ]*' <<<"$run" | head -1 | cut -d= -f2 | to_ms)")
  done
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""
  # A jar from before the batch-size metric (BASELINE_JAR) reports none: no floor then.
  mean_batch=n/a floor_batch=n/a floor=n/a size=$(du -m "$db" | cut -f1)
  if [ -n "$(printf '%s' "${batch[@]}")" ]; then
    mean_batch=$(printf '%s\n' "${batch[@]}" | median)
    floor_batch=$(awk "BEGIN { b = int($mean_batch + 0.5); print b < 1 ? 1 : b }")
    floor=$(for _ in 1 2 3; do
      java -cp "$CP" bench/SqliteFloor.java "$db" "$PLAYERS" 20000 "$floor_batch" 2>/dev/null | grep -o '[0-9]* us CPU' | cut -d' ' -f1
    done | median)
  fi
  h=$(printf '%s\n' "${health[@]}" | median)
  p=$(printf '%s\n' "${postbacks[@]}" | median)
  printf '%-8s %12.0f %14.0f %7.2f %8.1fms %8.1fms %16s %16s %18s\n' "$config" "$h" "$p" "$(awk "BEGIN {print $p / $h}")" \
    "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)" \
    "$(printf '%s\n' "${fixed_p50[@]}" | median)ms" "$(printf '%s\n' "${fixed_p99[@]}" | median)ms" \
    "$(printf '%s\n' "${health_p99[@]}" | median)ms"
  echo "         cpu per request: health $(printf '%s\n' "${health_cpu[@]}" | median) us; postback $(printf '%s\n' "${postback_cpu[@]}" | median) us," \
       "of which the writer thread $(printf '%s\n' "${writer_cpu[@]}" | median) us at a mean batch of $mean_batch;" \
       "SQLite alone for the same rows in batches of $floor_batch: $floor us (median of 3, on the ${size} MB database)"
  echo "         runs: health ${health[*]} | postbacks ${postbacks[*]} | health p99 at ${RATE}/s ${health_p99[*]} $fixed"
done
