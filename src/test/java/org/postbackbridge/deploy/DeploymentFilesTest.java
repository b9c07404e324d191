package org.postbackbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files' contract, checked without a Docker engine (bin/test-image runs them for
 * real): .env.example names every setting the service reads; compose publishes
 * on loopback only, passes .env, and has no default database password; the image's base images are
 * build arguments whose defaults are the official images.
 */
class DeploymentFilesTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    /** Read by Spring Boot itself (relaxed binding), not through application.yml. */
    static final Set<String> SPRING_SETTINGS = Set.of("SERVER_FORWARD_HEADERS_STRATEGY");
    /** Read by docker-compose.yml only. */
    static final Set<String> COMPOSE_SETTINGS = Set.of("POSTGRES_PASSWORD", "BIND_ADDRESS", "HOST_PORT");

    @Test
    void envExampleNamesEverySettingTheServiceReads() throws IOException {
        Set<String> read = names(Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):"),
                Files.readString(ROOT.resolve("src/main/resources/application.yml")));
        Set<String> example = names(Pattern.compile("(?m)^(?:# )?([A-Z][A-Z0-9_]*)="),
                Files.readString(ROOT.resolve(".env.example")));

        assertThat(example).as(".env.example lists every setting of application.yml").containsAll(read)
                .containsAll(SPRING_SETTINGS).containsAll(COMPOSE_SETTINGS);
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(COMPOSE_SETTINGS).allSatisfy(name -> assertThat(compose).contains("${" + name));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composePublishesOnLoopbackPassesDotEnvAndHasNoDefaultPassword() throws IOException {
        String file = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(file).get("services");
        Map<String, Object> bridge = (Map<String, Object>) services.get("postback-bridge");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");

        assertThat((List<String>) bridge.get("ports")).singleElement().asString()
                .startsWith("${BIND_ADDRESS:-127.0.0.1}:").endsWith(":3000");
        assertThat(bridge.get("env_file")).isEqualTo(".env");
        Map<String, String> environment = (Map<String, String>) bridge.get("environment");
        assertThat(environment.get("DATABASE_URL")).startsWith("postgres://bridge:${POSTGRES_PASSWORD:?")
                .endsWith("@postgres:5432/bridge");
        assertThat(((Map<String, String>) postgres.get("environment")).get("POSTGRES_PASSWORD"))
                .startsWith("${POSTGRES_PASSWORD:?");
        assertThat(file).doesNotContain("POSTGRES_PASSWORD:-");
        assertThat((List<String>) postgres.get("volumes")).singleElement().asString().endsWith(":/var/lib/postgresql/data");
    }

    @Test
    void theImageRunsOnOfficialBaseImagesByDefaultAsAFixedNonRootUserWithAHealthcheck() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        String dockerfile = String.join("\n", lines);

        assertThat(lines).anySatisfy(line -> assertThat(line).matches("ARG BUILD_IMAGE=maven:3\\.9-eclipse-temurin-2[1-9]"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("ARG RUNTIME_IMAGE=eclipse-temurin:2[1-9]-jre"));
        assertThat(lines).filteredOn(line -> line.startsWith("FROM ")).containsExactly(
                "FROM ${BUILD_IMAGE} AS build", "FROM ${RUNTIME_IMAGE}");
        assertThat(dockerfile).contains("--uid 10001").contains("USER bridge").contains("EXPOSE 3000")
                .contains("HEALTHCHECK").contains("/postback/health");
    }

    private static Set<String> names(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(result -> result.group(1)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
