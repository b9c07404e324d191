package org.postbackbridge.integration.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import tools.jackson.databind.JsonNode;

/** The API describes itself, generated from its controllers, and only /api/v1 is in the description. */
@IntegrationTest
class OpenApiTest extends PostbackTestBase {

    @Test
    void theDescriptionListsTheIntegrationApiAndNothingElse() {
        Http.Response answer = http.get("/api/v1/openapi.json");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode paths = answer.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/users/{telegramId}", "/api/v1/users/{telegramId}/claims",
                "/api/v1/events").allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(paths.get("/api/v1/users/{telegramId}").propertyNames()).contains("get", "put");
        assertThat(http.get("/api/v1/docs").status()).isIn(200, 302);
    }
}
