#!/usr/bin/env bash
# Footprint benchmark: how fast the service starts and restarts, and how much memory it holds, on
# SQLite with the defaults, side by side with an earlier build. One run of a build:
#   1. cold start on a fresh database: launch to the first answer of GET /postback/health, and the
#      CPU time the service spent until then;
#   2. RSS after IDLE seconds (15) of idling;
#   3. PLAYERS (1,000) players linked, then LOAD_SECONDS (60) at LOAD_RATE (1,000) deposit postbacks/s,
#      open loop (bench/LoadGen.java): RSS at the end, and the p99;
#   4. deposits as fast as the service takes them (wrk, 16 connections) until 100,000 postbacks are
#      stored; the log must show no OutOfMemoryError;
#   5. kill -9, then a restart on that database: launch to the first health answer, then the CPU time
#      the service spends in IDLE seconds of idling with those postbacks stored (its background work).
# Runs alternate between the builds (baseline, new, baseline, new, ...) so the machine's drift
# spreads over both; each figure is the median of RUNS runs. Then the jar's and image's size.
#
#   BASELINE_JAR=/tmp/old.jar bench/footprint.sh
#   BASELINE_JAR=/tmp/old.jar CONFIGS="jar nocache start" RUNS=1 bench/footprint.sh
#   BASELINE_JAR=/tmp/old.jar CONFIGS="basestart start" bench/footprint.sh   # both as bin/run starts them
#   IMAGE=postback-bridge:new BASELINE_IMAGE=postback-bridge:old bench/footprint.sh   # image sizes too
#
# Health is polled every 20 ms without starting a process (bench/lib.sh, wait_for_health); POLL=curl
# polls as this script did before, with a curl and a sleep each time, which took about half a core.
#
# Configurations:
#   baseline  java -jar BASELINE_JAR, as the earlier bin/run started it
#   basestart bin/start with BASELINE_JAR and its own class cache: an earlier build that bin/start ran too
#   jar       java -jar with this build's jar, no JVM options
#   nocache   bin/start with its JVM defaults, without the class cache
#   start     bin/start as bin/run and the image use it: JVM defaults and the class cache
set -euo pipefail
cd "$(dirname "$0")/.."

CONFIGS=${CONFIGS:-"baseline start"}
RUNS=${RUNS:-3}
IDLE=${IDLE:-15}
PLAYERS=${PLAYERS:-1000}
LOAD_RATE=${LOAD_RATE:-1000}
LOAD_SECONDS=${LOAD_SECONDS:-60}
PORT=${PORT:-3500}

. bench/lib.sh
require_commands wrk sqlite3
work=$(mktemp -d)
service_pid=""
stop_service() {
  [ -n "$service_pid" ] || return 0
  kill "${1:--TERM}" "$service_pid" 2>/dev/null || true
  while kill -0 "$service_pid" 2>/dev/null; do sleep 0.05; done
  service_pid=""
}
cleanup() { stop_service -KILL; rm -rf "$work"; }
trap cleanup EXIT

echo "preparing this build: bin/aot-cache (extract, training run)"
TRAINING_PORT=$((PORT + 99)) bin/aot-cache target/postback-bridge.jar "$work/app"
if [[ " $CONFIGS " == *" basestart "* ]]; then
  echo "preparing the baseline: bin/aot-cache ${BASELINE_JAR:?set BASELINE_JAR to the jar to compare with}"
  TRAINING_PORT=$((PORT + 98)) bin/aot-cache "$BASELINE_JAR" "$work/app-baseline"
fi
mkdir -p "$work/app-nocache"
cp -r "$work/app/lib" "$work/app/postback-bridge.jar" "$work/app/jvm.java" "$work/app-nocache/"
grep -v -e '-XX:AOTCache=' -e '-XX:SharedArchiveFile=' "$work/app/jvm.options" >"$work/app-nocache/jvm.options" || true

# Starts a configuration on a database; returns once health answers, the milliseconds it took in $took
# and the CPU milliseconds the service spent until then in $took_cpu: on a machine shared with other
# work the CPU time varies far less than the time on the clock.
launch() {  # CONFIG DB LOG
  local start_ns
  start_ns=$(date +%s%N)
  case $1 in
    baseline) DATABASE_URL="$2" PORT=$PORT java -jar "${BASELINE_JAR:?set BASELINE_JAR to the jar to compare with}" >>"$3" 2>&1 & ;;
    jar) DATABASE_URL="$2" PORT=$PORT java -jar target/postback-bridge.jar >>"$3" 2>&1 & ;;
    nocache) DATABASE_URL="$2" PORT=$PORT bin/start "$work/app-nocache" >>"$3" 2>&1 & ;;
    start) DATABASE_URL="$2" PORT=$PORT bin/start "$work/app" >>"$3" 2>&1 & ;;
    basestart) DATABASE_URL="$2" PORT=$PORT bin/start "$work/app-baseline" >>"$3" 2>&1 & ;;
    *) echo "unknown config $1" >&2; exit 1 ;;
  esac
  service_pid=$!
  if [ "${POLL:-}" = curl ]; then  # how this script polled before: a curl and a sleep every 20 ms
    until curl -sf -o /dev/null "http://127.0.0.1:$PORT/postback/health"; do
      kill -0 "$service_pid" 2>/dev/null || { echo "$1 did not start:" >&2; tail -30 "$3" >&2; exit 1; }
      sleep 0.02
    done
  else
    wait_for_health "$PORT" "$service_pid" || { echo "$1 did not start:" >&2; tail -30 "$3" >&2; exit 1; }
  fi
  took=$((($(date +%s%N) - start_ns) / 1000000))
  took_cpu=$(cpu_ms)
}
cpu_ms() { awk '{ print ($14 + $15) * 10 }' /proc/"$service_pid"/stat; }
last() { awk '{ print $NF }' <<<"$1"; }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' /proc/"$service_pid"/status; }
# Postbacks not answered 200 are counted, not fatal, in two kinds: refused at once with 503 busy (more
# requests in flight than the service serves at once), and not answered within LoadGen's 30 s. On a
# machine too busy to serve the rate the partner program would send both again.
loadgen() {  # RATE SECONDS RUN_ID -> LoadGen's line
  java bench/LoadGen.java rate "http://127.0.0.1:$PORT" "$1" "$2" "$PLAYERS" "$3" 0 2>&1
}
field() { grep -o " $1=[0-9.]*" | head -1 | cut -d= -f2; }

stored_postbacks() { sqlite3 "$1" 'SELECT COUNT(*) FROM postbacks'; }
fill_to() {  # DB COUNT RUN_ID
  local round=0
  while [ "$(stored_postbacks "$1")" -lt "$2" ]; do
    round=$((round + 1))
    RUN_ID="$3-fill$round" PLAYERS=$PLAYERS wrk -t2 -c16 -d5s -s bench/deposits.lua "http://127.0.0.1:$PORT" >/dev/null
  done
}

declare -A cold cold_cpu idle loaded p99 errors busy restart restart_cpu idle_cpu stored
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
  for config in $CONFIGS; do
    db="$work/$config-$run.db" log="$work/$config-$run.log"
    launch "$config" "$db" "$log"
    cold[$config]+="$took " cold_cpu[$config]+="$took_cpu "
    sleep "$IDLE"
    idle[$config]+="$(rss_mb) "
    java bench/LoadGen.java link "http://127.0.0.1:$PORT" "$PLAYERS" >/dev/null 2>&1
    out=$(loadgen "$LOAD_RATE" "$LOAD_SECONDS" "$config$run")
    loaded[$config]+="$(rss_mb) "
    p99[$config]+="$(field p99 <<<"$out") "
    errors[$config]+="$(($(field errors <<<"$out") - $(field busy <<<"$out"))) "
    busy[$config]+="$(field busy <<<"$out") "
    fill_to "$db" 100000 "$config$run"
    if grep -q OutOfMemoryError "$log"; then echo "$config: OutOfMemoryError, see $log" >&2; exit 1; fi
    stop_service -KILL
    launch "$config" "$db" "$log"
    restart[$config]+="$took " restart_cpu[$config]+="$took_cpu "
    sleep 5  # past the start's own work
    cpu_before=$(cpu_ms)
    sleep "$IDLE"
    idle_cpu[$config]+="$(($(cpu_ms) - cpu_before)) "
    stop_service
    stored[$config]+="$(stored_postbacks "$db") "
    echo "run $run $config: cold $(last "${cold[$config]}") ms, idle $(last "${idle[$config]}") MB," \
         "loaded $(last "${loaded[$config]}") MB, restart $(last "${restart[$config]}") ms," \
         "refused busy $(last "${busy[$config]}"), not answered $(last "${errors[$config]}") (load average $(cut -d' ' -f1 /proc/loadavg))"
    rm -f "$db"*
  done
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
echo
printf '%-9s %14s %16s %12s %22s %16s %22s %16s %20s\n' config "cold start ms" "its CPU ms" "idle RSS MB" "RSS after ${LOAD_SECONDS}s MB" \
  "p99@${LOAD_RATE}/s ms" "restart after -9 ms" "its CPU ms" "CPU ms idle ${IDLE}s"
for config in $CONFIGS; do
  [ -n "${cold[$config]:-}" ] || continue
  printf '%-9s %14.0f %16.0f %12.0f %22.0f %16.1f %22.0f %16.0f %20.0f\n' "$config" "$(med "${cold[$config]}")" "$(med "${cold_cpu[$config]}")" \
    "$(med "${idle[$config]}")" "$(med "${loaded[$config]}")" "$(med "${p99[$config]}")" "$(med "${restart[$config]}")" \
    "$(med "${restart_cpu[$config]}")" "$(med "${idle_cpu[$config]}")"
  echo "          runs: cold ${cold[$config]}| cpu ${cold_cpu[$config]}| idle ${idle[$config]}| loaded ${loaded[$config]}| p99 ${p99[$config]}| answered 503 busy ${busy[$config]}| not answered ${errors[$config]}| restart ${restart[$config]}| cpu ${restart_cpu[$config]}| idle cpu ${idle_cpu[$config]}| postbacks stored at restart ${stored[$config]}" | tr -s ' '
done

echo
size_mb() { du -sm "$@" | awk '{ s += $1 } END { print s }'; }
echo "jar: this build $(size_mb target/postback-bridge.jar) MB${BASELINE_JAR:+, baseline $(size_mb "$BASELINE_JAR") MB};" \
     "prepared for bin/start $(size_mb "$work/app") MB, of which the class cache $(size_mb "$work"/app/postback-bridge.aot "$work"/app/postback-bridge.jsa 2>/dev/null) MB"
image_mb() { docker image inspect --format '{{.Size}}' "$1" | awk '{ printf "%.0f", $1 / 1048576 }'; }
if [ -n "${IMAGE:-}" ] && docker info >/dev/null 2>&1; then
  echo "image: $IMAGE $(image_mb "$IMAGE") MB${BASELINE_IMAGE:+, $BASELINE_IMAGE $(image_mb "$BASELINE_IMAGE") MB}"
else
  echo "image: not measured (set IMAGE, and BASELINE_IMAGE, to built images; needs a running Docker engine)"
fi
