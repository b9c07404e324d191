package org.postbackbridge.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import tools.jackson.databind.json.JsonMapper;

/**
 * An address that sent too many wrong admin tokens waits, on every door the token opens. The
 * guesser here connects from 127.0.0.2, so the other tests' address (127.0.0.1) keeps its budget.
 */
@IntegrationTest
class WrongAdminTokensTest extends PostbackTestBase {

    @Test
    void anAddressThatGuessedTooOftenWaitsWhileOthersGetIn() throws Exception {
        HttpClient guesser = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        for (int i = 0; i < AdminAttempts.WRONG_TOKENS_PER_MINUTE; i++) {
            assertThat(send(guesser, get("/api/stats", "guess-" + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> api = send(guesser, get("/api/stats", Http.ADMIN_TOKEN));
        HttpResponse<String> metrics = send(guesser, get("/actuator/prometheus", Http.ADMIN_TOKEN));
        HttpResponse<String> console = send(guesser, HttpRequest.newBuilder(uri("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + Http.ADMIN_TOKEN)).build());

        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(JsonMapper.builder().build().readTree(api.body()).get("error").asString())
                .isEqualTo("too_many_wrong_tokens");
        assertThat(metrics.statusCode()).isEqualTo(429);
        assertThat(metrics.body()).contains("too_many_wrong_tokens");
        assertThat(console.statusCode()).isEqualTo(429);
        assertThat(console.body()).contains("Too many wrong tokens");
        assertThat(http.get("/api/stats", "Authorization", "Bearer " + Http.ADMIN_TOKEN).status()).isEqualTo(200);
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
