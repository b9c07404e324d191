# Shared set-up for the bench scripts (sourced): a JDK 21+, the jar, a classpath with the JDBC
# drivers for the single-file Java helpers (CrashCheck), and helpers for wrk's figures.
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# NO_BUILD=1: the caller brings its own jars and needs no classpath (bench/tail.sh, bisecting).
if [ -z "${NO_BUILD:-}" ]; then
mvn -B -ntp -q -DskipTests package
CP=$(mvn -B -ntp -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')
fi

# The median of the numbers on stdin, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# wrk's latencies (850.00us, 1.20ms, 2.01s) in milliseconds.
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }'; }
