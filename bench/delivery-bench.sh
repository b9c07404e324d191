#!/usr/bin/env bash
# Issue 3 benchmark: Telegram delivery against a fake Bot API that enforces Telegram's limits
# (bench/DeliveryBench.java). Prints the delivery rate of MESSAGES messages to PLAYERS chats with the
# number of 429s, and postback-to-sendMessage latency with an empty queue.
#
#   bench/delivery-bench.sh
#   MESSAGES=2000 PLAYERS=400 bench/delivery-bench.sh
#   JAR=/tmp/old.jar bench/delivery-bench.sh          # an earlier build, for a side-by-side run
set -euo pipefail
cd "$(dirname "$0")/.."

PLAYERS=${PLAYERS:-200}
MESSAGES=${MESSAGES:-1000}
SAMPLES=${SAMPLES:-50}
PORT=${PORT:-3400}
FAKE_PORT=${FAKE_PORT:-3401}
JAR=${JAR:-target/postback-bridge.jar}

. bench/lib.sh

work=$(mktemp -d)
service_pid=""
cleanup() { [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

DATABASE_URL="$work/bench.db" PORT=$PORT TELEGRAM_TOKEN=123456:BENCH TELEGRAM_API_URL="http://127.0.0.1:$FAKE_PORT" \
  ADMIN_CHAT_IDS= java -jar "$JAR" >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 200); do
  curl -fs "http://127.0.0.1:$PORT/postback/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/postback/health" >/dev/null || { echo "service did not start:"; tail -30 "$work/service.log"; exit 1; }

java -cp "$CP" bench/CrashCheck.java seed "jdbc:sqlite:$work/bench.db?busy_timeout=10000" "$PLAYERS"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
java bench/DeliveryBench.java "$FAKE_PORT" "http://127.0.0.1:$PORT" "$PLAYERS" "$MESSAGES" "$SAMPLES"
