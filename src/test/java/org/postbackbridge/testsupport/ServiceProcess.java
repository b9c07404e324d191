package org.postbackbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.postbackbridge.PostbackBridgeApplication;

/**
 * The service in a JVM of its own, for what an in-process instance cannot show: {@code kill -9}.
 * Same classes as the tests, test profile; its output goes to a file named in failures.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on {@code port} and {@code databaseUrl} with these properties; returns once it answers. */
    public static ServiceProcess start(int port, String databaseUrl, Map<String, String> properties) {
        return start(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PostbackBridgeApplication.class.getName(), "--spring.profiles.active=test"), port, databaseUrl, properties);
    }

    /** The built jar as operators run it, with these JVM options and no test profile; returns once it answers. */
    public static ServiceProcess startJar(Path jar, List<String> jvmOptions, int port, String databaseUrl,
                                          Map<String, String> properties) {
        List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("-jar", jar.toString()));
        return start(launch, port, databaseUrl, properties);
    }

    private static ServiceProcess start(List<String> launch, int port, String databaseUrl, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.add("--postback-bridge.database.url=" + databaseUrl);
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            Path log = Files.createTempFile("postback-bridge-process", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServiceProcess service = new ServiceProcess(process, port, log);
            Http http = new Http(port);
            Awaitility.await("the service on port " + port + " to answer (log: " + log + ")")
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("The service stopped; log: " + Files.readString(log));
                        }
                        try {
                            return http.get("/postback/health").status() == 200;
                        } catch (RuntimeException e) {
                            return false;
                        }
                    });
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    /** What the service has printed so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, whatever was under way is cut off. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
