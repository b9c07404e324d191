package org.postbackbridge.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.VendorNeutral;
import org.springframework.test.context.TestPropertySource;

/**
 * Guessing the admin token from many addresses at once, over HTTP, on a service of its own (the
 * global limit is shared by everything the service hears). Addresses are real loopback addresses,
 * and others as a proxy on loopback names them in X-Forwarded-For.
 */
@IntegrationTest
@VendorNeutral
@TestPropertySource(properties = "postback-bridge.admin.wrong-tokens-per-minute=100")
class TokenGuessingTest extends PostbackTestBase {

    static final long OPERATOR_CHAT = 9000001; // application-test.yml's ADMIN_CHAT_IDS

    @Test
    void guessesFromManyAddressesMeetTheGlobalLimitWhileTheRightTokenStillWorks() throws Exception {
        // An IPv6 sender is its /64: ten guesses from ten addresses of one /64 lock all of it.
        for (int i = 1; i <= AdminAttempts.WRONG_TOKENS_PER_MINUTE; i++) {
            assertThat(stats(HttpClient.newHttpClient(), "guess", "2001:db8:1:2::" + i)).isEqualTo(401);
        }
        assertThat(stats(HttpClient.newHttpClient(), Http.ADMIN_TOKEN, "2001:db8:1:2:ffff::9")).isEqualTo(429);
        assertThat(stats(HttpClient.newHttpClient(), Http.ADMIN_TOKEN, "2001:db8:1:3::1")).isEqualTo(200);

        // 20 loopback addresses × 10 guesses: each address within its own budget, 200 guesses in all.
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int address = 10; address < 30; address++) {
            HttpClient guesser = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0." + address)).build();
            for (int i = 0; i < AdminAttempts.WRONG_TOKENS_PER_MINUTE; i++) {
                statuses.merge(stats(guesser, "guess-" + address + "-" + i, null), 1, Integer::sum);
            }
        }
        assertThat(statuses).as("statuses of the 200 guesses").isEqualTo(Map.of(401, 90, 429, 110));

        // 10,001 addresses with one guess each: none of them is counted, so none is remembered.
        HttpClient proxy = HttpClient.newHttpClient();
        int refused = 0;
        for (int i = 0; i <= 10_000; i++) {
            refused += stats(proxy, "guess", "10.1." + (i / 250) + "." + (i % 250)) == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(10_001);

        HttpClient lastGuesser = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.29")).build();
        assertThat(stats(lastGuesser, Http.ADMIN_TOKEN, null)).as("the right token, from a guessing address")
                .isEqualTo(200);
        assertThat(new ConsoleClient(port).signIn(Http.ADMIN_TOKEN).body()).contains("id=\"checklist\"");
        assertThat(outbox.forChat(OPERATOR_CHAT).stream().map(OutboxMessage::kind)
                .filter("alert_admin_token_guessing"::equals)).hasSize(1);
    }

    private int stats(HttpClient client, String token, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stats"))
                .header("Authorization", "Bearer " + token);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
