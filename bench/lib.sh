# Shared set-up for the bench scripts (sourced): a JDK 21+, the jar, and a classpath with the JDBC
# drivers for the single-file Java helpers (CrashCheck).
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
mvn -B -ntp -q -DskipTests package
CP=$(mvn -B -ntp -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')
