package org.postbackbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.integration.ApiClient;
import org.postbackbridge.testsupport.FreePort;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.ServiceProcess;
import org.postbackbridge.testsupport.TestDatabase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.testsupport.WebhookReceiver;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of the service while a webhook is on the wire: after a restart on the same database the
 * message goes out again with the same webhook-id, and every event still arrives, in order. Only the
 * killed service needs a JVM of its own; the one after it starts quicker in the test's.
 */
@Tag("integration")
class WebhookCrashTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int HELD_REQUEST = 2;

    @Test
    void aServiceKilledMidDeliveryLosesNothingAndResendsWithTheSameId() throws Exception {
        String database = TestDatabase.freshUrl();
        CountDownLatch release = new CountDownLatch(1);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(n -> {
                if (n == HELD_REQUEST) {
                    awaitQuietly(release);
                }
                return 204;
            });
            Map<String, String> settings = Map.of("postback-bridge.webhooks.url", receiver.url(),
                    "postback-bridge.webhooks.secret", SECRET, "postback-bridge.webhooks.poll-interval", "50ms",
                    "postback-bridge.webhooks.request-timeout", "120s");
            long telegramId = Long.parseLong(TestUsers.newPlayerId().substring(1));
            String player = TestUsers.newPlayerId();

            try (ServiceProcess first = ServiceProcess.start(FreePort.any(), database, settings)) {
                String token = new ApiClient(first.port(), Http.ADMIN_TOKEN).put("/api/v1/users/" + telegramId, "{}")
                        .json().get("click_token").asString();
                Http http = first.http();
                http.post("/postback/1win?event=registration&user_id=" + player + "&sub1=" + token);
                http.post("/postback/1win?event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=k1" + player);
                http.post("/postback/1win?event=deposit&user_id=" + player + "&amount=20&currency=USD&transaction_id=k2" + player);
                // The third message (access_unlocked) is on the wire, its answer held back.
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.arrivals() > HELD_REQUEST);
                first.kill();
            }
            release.countDown();

            try (ServiceInstance second = ServiceInstance.start(database, settings)) {
                second.http().post("/postback/1win?event=withdrawal&user_id=" + player
                        + "&amount=5&currency=USD&transaction_id=k3" + player);

                await().atMost(Duration.ofSeconds(60)).until(() -> firstArrivals(receiver).size() == 5);
            }
            Map<String, String> byId = firstArrivals(receiver);
            assertThat(byId.values()).containsExactly("registration", "first_deposit", "access_unlocked", "deposit", "withdrawal");
            List<String> ids = receiver.received().stream().map(WebhookReceiver.Received::id).toList();
            String held = new ArrayList<>(byId.keySet()).get(HELD_REQUEST);
            assertThat(ids).as("the message cut off by the kill went out again, with its id").filteredOn(held::equals).hasSize(2);
            WebhookSigner signer = new WebhookSigner(SECRET);
            assertThat(receiver.received()).allMatch(request -> signer.verify(request.headers(), request.body(), java.time.Instant.now()));
        }
    }

    /** webhook-id to type, in the order each id first arrived. */
    private static Map<String, String> firstArrivals(WebhookReceiver receiver) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (WebhookReceiver.Received request : receiver.received()) {
            byId.putIfAbsent(request.id(), JSON.readTree(request.body()).get("type").asString());
        }
        return byId;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
