# Shared set-up for the bench scripts (sourced): a JDK 21+, the jar, a classpath with the JDBC
# drivers for the single-file Java helpers (CrashCheck), and helpers for wrk's figures.
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# NO_BUILD=1: the caller brings its own jars and needs no classpath (bench/tail.sh, bisecting).
if [ -z "${NO_BUILD:-}" ]; then
mvn -B -ntp -q -DskipTests package
CP=$(mvn -B -ntp -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')
fi

# Installs, from Debian's packages, each of the commands named that is missing (a command and its
# package share the name: wrk, sqlite3).
require_commands() {  # COMMAND...
  local missing=() name
  for name in "$@"; do command -v "$name" >/dev/null || missing+=("$name"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing ${missing[*]} (Debian packages)"
  apt-get install -y -qq "${missing[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
}

# The median of the numbers on stdin, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# wrk's latencies (850.00us, 1.20ms, 2.01s) in milliseconds.
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }'; }

# Returns once GET /postback/health on 127.0.0.1:PORT answers 200, or 1 if process PID exits first.
# Polls every 20 ms with bash's own /dev/tcp and read -t, starting no process: a curl and a sleep per
# poll took about half a core, which on two cores slowed the very start being timed.
wait_for_health() {  # PORT PID
  local status tick
  exec {tick}<> <(:)  # never written to: read -t on it is a sleep without a process
  while kill -0 "$2" 2>/dev/null; do
    if { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null; then
      printf 'GET /postback/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
      status=""
      read -r -t 5 status <&3 || true
      exec 3>&-
      if [[ $status == "HTTP/1.1 200"* ]]; then
        exec {tick}>&-
        return 0
      fi
    fi
    read -r -t 0.02 -u "$tick" || true
  done
  exec {tick}>&-
  return 1
}
