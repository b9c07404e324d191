# The base images are build arguments so a machine that cannot pull them can pass stand-ins;
# the defaults are the official images. The code needs Java 21; the runtime is Java 25 because its
# JVM keeps an AOT cache (classes loaded and linked, and method profiles) where Java 21 keeps only a
# class archive, and the start's figures in docs/BENCHMARKS.md are Java 25's.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-25
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

# Build: the whole Maven build inside a JDK image, so the host needs only Docker.
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
RUN mvn -B -ntp -q -DskipTests package

# Run: a JRE only, as an unprivileged user with a fixed UID (10001), so a bind-mounted data folder
# can be given to it: `sudo chown 10001:10001 data`. SQLite lives in /app/data unless DATABASE_URL
# points elsewhere.
FROM ${RUNTIME_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 bridge \
    && useradd --system --uid 10001 --gid bridge --home-dir /app --shell /usr/sbin/nologin bridge \
    && mkdir -p /app/data && chown -R bridge:bridge /app
WORKDIR /app
COPY --from=build /src/target/postback-bridge.jar /tmp/postback-bridge.jar
COPY bin/start bin/aot-cache /app/bin/
# The JVM's class cache, trained here with the runtime's own JVM: starts take half the time.
RUN /app/bin/aot-cache /tmp/postback-bridge.jar /app/jar && rm /tmp/postback-bridge.jar
USER bridge
ENV PORT=3000
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/postback/health" || exit 1
# Memory defaults for a 1 GB server (bin/start, docs/MEMORY.md); JAVA_OPTS adds to them.
ENTRYPOINT ["/app/bin/start", "/app/jar"]
