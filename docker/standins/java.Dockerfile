# Stand-in for the official Java images where they cannot be pulled: Debian plus a Java runtime
# (and, for the build stage, Maven) copied in from the machine that builds it. bin/test-image
# prepares the context: java/ (a JDK, or a runtime linked from one) and, optionally, maven/.
ARG BASE
FROM ${BASE}
COPY . /opt/
ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/opt/maven/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
