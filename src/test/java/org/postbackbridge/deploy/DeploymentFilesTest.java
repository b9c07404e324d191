package org.postbackbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so this checks what can be checked without one: the
 * image's shape, and that every variable compose passes is a setting the service actually reads.
 */
class DeploymentFilesTest {

    static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void dockerfileBuildsWithMavenAndRunsAJre21AsANonRootUserWithAHealthcheck() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));

        assertThat(lines).filteredOn(line -> line.startsWith("FROM ")).hasSize(2)
                .first().asString().contains("maven").contains("AS build");
        assertThat(lines).filteredOn(line -> line.startsWith("FROM ")).last().asString().matches("FROM eclipse-temurin:2[1-9]-jre");
        assertThat(lines).contains("USER bridge", "EXPOSE 3000");
        assertThat(String.join("\n", lines)).contains("HEALTHCHECK").contains("/postback/health");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheServiceOnPostgresqlWithSettingsTheServiceReads() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> bridge = (Map<String, Object>) services.get("postback-bridge");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        Map<String, String> environment = (Map<String, String>) bridge.get("environment");
        String applicationYml = Files.readString(ROOT.resolve("src/main/resources/application.yml"));

        assertThat((List<String>) bridge.get("ports")).containsExactly("3000:3000");
        assertThat(environment.get("DATABASE_URL")).startsWith("postgres://").contains("@postgres:5432/");
        assertThat(environment).containsKeys("TELEGRAM_TOKEN", "ADMIN_TOKEN", "POSTBACK_SECRET_KEY");
        assertThat(environment.keySet()).allSatisfy(name ->
                assertThat(applicationYml).as("application.yml reads " + name).contains("${" + name + ":"));
        assertThat((List<String>) postgres.get("volumes")).singleElement().asString().endsWith(":/var/lib/postgresql/data");
    }
}
