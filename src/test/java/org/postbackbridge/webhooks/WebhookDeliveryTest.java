package org.postbackbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.testsupport.Waits;
import org.postbackbridge.testsupport.WebhookReceiver;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks to a receiver started in the test: in feed order, signed, at least once with the same
 * webhook-id on every attempt; retried on the service's clock, which the test moves instead of waiting.
 */
@IntegrationTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "postback-bridge.webhooks.poll-interval=50ms")
class WebhookDeliveryTest extends PostbackTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    WebhookDeliveries deliveries;
    @Autowired
    MovableClock clock;
    @Autowired
    WebhookDeliveryPruner pruner;
    @Autowired
    WebhookProperties properties;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void stopReceiver() {
        created.forEach(id -> endpoints.setEnabled(id, false, "test over"));
        receiver.close();
    }

    @Test
    void everyEventOfAScriptedSessionArrivesOnceInOrderAndSigned() {
        WebhookEndpoints.Created endpoint = endpoint(List.of());
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();

        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=f" + player);
        postback("event=deposit&user_id=" + player + "&amount=20&currency=USD&transaction_id=d" + player);
        postback("event=withdrawal&user_id=" + player + "&amount=5&currency=USD&transaction_id=w" + player);
        postback("event=win&user_id=" + player + "&amount=7&currency=USD&transaction_id=x" + player);

        List<String> expected = List.of("registration", "first_deposit", "access_unlocked", "deposit", "withdrawal", "win");
        Waits.promptly(WAIT).until(() -> of(user, receiver.received()).size() >= expected.size());
        List<WebhookReceiver.Received> got = of(user, receiver.received());
        assertThat(got).extracting(request -> body(request).get("type").asString()).containsExactlyElementsOf(expected);
        assertThat(got).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("evt_"));
        WebhookSigner signer = new WebhookSigner(endpoint.secret());
        assertThat(got).allSatisfy(request -> {
            assertThat(signer.verify(request.headers(), request.body(), clock.instant())).as("signature").isTrue();
            assertThat(request.headers().get("content-type")).isEqualTo("application/json");
            assertThat(body(request).get("data").get("id").asString()).isEqualTo(request.id());
        });
        assertThat(body(got.get(3)).get("data").get("details").get("amount").decimalValue()).isEqualByComparingTo("20");
        assertThat(deliveries.latest(endpoint.endpoint().id(), 100)).allSatisfy(delivery -> {
            assertThat(delivery.status()).isEqualTo(WebhookDelivery.DELIVERED);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.lastStatusCode()).isEqualTo(204);
            assertThat(delivery.lastLatencyMs()).isNotNull();
        });
    }

    @Test
    void anEndpointGetsOnlyTheTypesItAskedFor() {
        endpoint(List.of("first_deposit"));
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();

        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=f" + player);
        postback("event=deposit&user_id=" + player + "&amount=20&currency=USD&transaction_id=d" + player);
        BotUser later = TestUsers.started(users, "en");
        String laterPlayer = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + laterPlayer + "&sub1=" + later.clickToken());
        postback("event=first_deposit&user_id=" + laterPlayer + "&amount=10&currency=USD&transaction_id=f" + laterPlayer);

        // The later user's first deposit comes after everything of the first user's in the feed.
        Waits.promptly(WAIT).until(() -> of(later, receiver.received()).size() == 1);
        assertThat(of(user, receiver.received())).extracting(request -> body(request).get("type").asString())
                .containsExactly("first_deposit");
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameIdAndTheEventsAfterWaitForThem() {
        receiver.answer(n -> n < 3 ? 500 : 200);
        endpoint(List.of());
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();

        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=f" + player);

        Waits.promptly(WAIT).until(() -> !receiver.received().isEmpty());
        // Only the first message is tried while it fails, however long the clock runs.
        await().atMost(WAIT).untilAsserted(() -> {
            clock.advance(Duration.ofMinutes(1));
            assertThat(of(user, receiver.accepted())).hasSize(3);
        });
        List<WebhookReceiver.Received> all = of(user, receiver.received());
        assertThat(all).extracting(WebhookReceiver.Received::answeredWith).containsExactly(500, 500, 500, 200, 200, 200);
        assertThat(all.subList(0, 4)).extracting(WebhookReceiver.Received::id).containsOnly(all.getFirst().id());
        assertThat(all.subList(0, 4)).extracting(request -> request.headers().get("webhook-timestamp"))
                .as("each attempt is signed anew").doesNotHaveDuplicates();
        assertThat(of(user, receiver.accepted())).extracting(request -> body(request).get("type").asString())
                .containsExactly("registration", "first_deposit", "access_unlocked");
    }

    @Test
    void aReceiverThatIsDownGetsEverythingInOrderWhenItComesBack() {
        WebhookEndpoints.Created endpoint = endpoint(List.of());
        receiver.goDown();
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();

        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=f" + player);
        postback("event=deposit&user_id=" + player + "&amount=20&currency=USD&transaction_id=d" + player);
        await().atMost(WAIT).untilAsserted(() -> {
            clock.advance(Duration.ofMinutes(1));
            assertThat(deliveries.latest(endpoint.endpoint().id(), 10)).last()
                    .satisfies(first -> assertThat(first.attempts()).isGreaterThanOrEqualTo(3));
        });
        WebhookDelivery failing = deliveries.latest(endpoint.endpoint().id(), 10).getLast();
        assertThat(failing.status()).isEqualTo(WebhookDelivery.PENDING);
        assertThat(failing.lastStatusCode()).isNull();
        assertThat(failing.lastError()).startsWith("Connection failed");

        receiver.comeBack();
        await().atMost(WAIT).untilAsserted(() -> {
            clock.advance(Duration.ofMinutes(10));
            assertThat(of(user, receiver.accepted())).hasSize(4);
        });
        assertThat(of(user, receiver.received())).extracting(request -> body(request).get("type").asString())
                .containsExactly("registration", "first_deposit", "access_unlocked", "deposit");
    }

    @Test
    void aMessageFailingForTheWholeRetryWindowIsDeadAndNoLongerHoldsUpTheQueueUntilRetried() {
        receiver.answer(n -> 503);
        WebhookEndpoints.Created endpoint = endpoint(List.of());
        long id = endpoint.endpoint().id();
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();
        Instant start = clock.instant();

        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        await().atMost(WAIT).untilAsserted(() -> {
            clock.advance(Duration.ofHours(1));
            assertThat(deliveries.latest(id, 1).getFirst().status()).isEqualTo(WebhookDelivery.DEAD);
        });
        WebhookDelivery dead = deliveries.latest(id, 1).getFirst();
        assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(dead.lastStatusCode()).isEqualTo(503);
        assertThat(dead.attempts()).isGreaterThan(5);
        int triedBeforeDeath = receiver.received().size();

        receiver.answer(n -> 204);
        postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=f" + player);
        Waits.promptly(WAIT).until(() -> of(user, receiver.accepted()).size() == 2);
        assertThat(receiver.received()).hasSize(triedBeforeDeath + 2);

        assertThat(deliveries.retry(id, dead.id())).isTrue();
        Waits.promptly(WAIT).until(() -> of(user, receiver.accepted()).size() == 3);
        assertThat(of(user, receiver.accepted()).getLast().id()).isEqualTo(receiver.received().getFirst().id());
        assertThat(deliveries.retry(id, dead.id())).as("only a dead message is retried").isFalse();
    }

    @Test
    void a410DisablesTheEndpointAndItsQueueWaits() {
        receiver.answer(n -> 410);
        WebhookEndpoints.Created endpoint = endpoint(List.of());
        BotUser user = TestUsers.started(users, "en");

        postback("event=registration&user_id=" + TestUsers.newPlayerId() + "&sub1=" + user.clickToken());

        Waits.promptly(WAIT).until(() -> !endpoints.find(endpoint.endpoint().id()).orElseThrow().enabled());
        clock.advance(Duration.ofHours(1));
        assertThat(endpoints.find(endpoint.endpoint().id()).orElseThrow().disabledReason()).contains("410");
        assertThat(deliveries.pending(endpoint.endpoint().id())).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void endedMessagesAreDeletedAfterTheRetentionAndPendingOnesKept() {
        receiver.answer(n -> n == 0 ? 204 : 410);
        long old = endpoint(List.of()).endpoint().id();
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        Waits.promptly(WAIT).until(() -> statuses(old).contains(WebhookDelivery.DELIVERED));
        postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=f" + player);
        // The 410 disables the endpoint: its messages stay pending, however old they grow.
        Waits.promptly(WAIT).until(() -> !endpoints.find(old).orElseThrow().enabled());
        clock.advance(properties.retention().plus(Duration.ofDays(1)));
        receiver.answer(n -> 204);
        long recent = endpoint(List.of()).endpoint().id();
        postback("event=deposit&user_id=" + player + "&amount=20&currency=USD&transaction_id=d" + player);
        Waits.promptly(WAIT).until(() -> statuses(recent).contains(WebhookDelivery.DELIVERED));
        List<String> oldPending = statuses(old).stream().filter(WebhookDelivery.PENDING::equals).toList();

        assertThat(pruner.prune()).isGreaterThanOrEqualTo(1);

        assertThat(statuses(old)).as("the delivered one deleted, the pending ones kept").isEqualTo(oldPending).isNotEmpty();
        assertThat(statuses(recent)).contains(WebhookDelivery.DELIVERED);
    }

    @Test
    void aRedirectIsAFailedAttemptNotFollowed() {
        receiver.answer(n -> 302);
        WebhookEndpoints.Created endpoint = endpoint(List.of());
        BotUser user = TestUsers.started(users, "en");

        postback("event=registration&user_id=" + TestUsers.newPlayerId() + "&sub1=" + user.clickToken());

        Waits.promptly(WAIT).until(() -> deliveries.latest(endpoint.endpoint().id(), 1).stream()
                .anyMatch(delivery -> delivery.attempts() >= 1));
        WebhookDelivery delivery = deliveries.latest(endpoint.endpoint().id(), 1).getFirst();
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.PENDING);
        assertThat(delivery.lastStatusCode()).isEqualTo(302);
        assertThat(delivery.lastError()).contains("not followed");
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsOnly("/hooks");
    }

    private List<String> statuses(long endpointId) {
        return deliveries.latest(endpointId, 100).stream().map(WebhookDelivery::status).toList();
    }

    private WebhookEndpoints.Created endpoint(List<String> types) {
        WebhookEndpoints.Created endpoint = endpoints.create(receiver.url(), types);
        created.add(endpoint.endpoint().id());
        return endpoint;
    }

    /** The requests about {@code user} (other tests' events may reach an endpoint too). */
    private static List<WebhookReceiver.Received> of(BotUser user, List<WebhookReceiver.Received> requests) {
        return requests.stream().filter(request -> body(request).get("data").path("telegram_id").asLong() == user.telegramId())
                .toList();
    }

    private static JsonNode body(WebhookReceiver.Received request) {
        return JSON.readTree(request.body());
    }
}
