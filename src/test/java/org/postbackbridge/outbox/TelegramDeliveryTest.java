package org.postbackbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.FakeBotApi.Call;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.testsupport.VendorNeutral;
import org.postbackbridge.users.BotUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox delivered through the real Bot API client to a fake Telegram that enforces the limits.
 * Both keep a per-chat interval, a group limit and a retry backoff shorter than Telegram's and the
 * production defaults, so the tests wait fractions of a second where they would wait seconds; what
 * they check is stated against these settings. Telegram's {@code retry_after} is whole seconds.
 */
@IntegrationTest
@VendorNeutral
@DirtiesContext
class TelegramDeliveryTest extends PostbackTestBase {

    static final Duration PER_CHAT_INTERVAL = Duration.ofMillis(200);
    static final int GROUP_PER_MINUTE = 300;
    static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    static final Duration RETRY_AFTER_CAP = Duration.ofMillis(1500);
    static final FakeBotApi telegram = new FakeBotApi(30, PER_CHAT_INTERVAL, GROUP_PER_MINUTE);
    static final long OPERATOR_CHAT = 9000001;
    static final long OPERATOR_SUPERGROUP = -1009000001L;
    static final Duration DELIVERY = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("postback-bridge.telegram.token", () -> FakeBotApi.TOKEN);
        registry.add("postback-bridge.telegram.api-url", telegram::url);
        registry.add("postback-bridge.telegram.delivery.per-chat-interval", PER_CHAT_INTERVAL::toString);
        registry.add("postback-bridge.telegram.delivery.group-per-minute", () -> GROUP_PER_MINUTE);
        registry.add("postback-bridge.telegram.delivery.first-retry-delay", FIRST_RETRY_DELAY::toString);
        registry.add("postback-bridge.telegram.delivery.retry-after-cap", RETRY_AFTER_CAP::toString);
        // Idle, the dispatcher is woken by this instance's messages and waits for a retry's time
        // exactly; the idle interval only bounds how late it sees another instance's. An hour here, so
        // every retry below is sent at its time or not at all.
        registry.add("postback-bridge.telegram.delivery.idle-poll-interval", () -> "1h");
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @BeforeEach
    void answerNormally() {
        telegram.reset();
    }

    @Test
    void registrationWelcomeIsDeliveredAsHtmlAndRecordedAsSent() {
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();

        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());

        Call welcome = awaitDelivered(user.telegramId(), 1).getFirst();
        assertThat(welcome.text()).contains("Welcome").contains(player);
        assertThat(welcome.params().path("parse_mode").asString()).isEqualToIgnoringCase("HTML");
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(outbox.forChat(user.telegramId()))
                .extracting(OutboxMessage::status).containsExactly(Outbox.SENT));
        assertThat(awaitDelivered(OPERATOR_CHAT, 1)).anySatisfy(call -> assertThat(call.text()).contains(player));
    }

    @Test
    void firstDepositSendsTheDepositThenTheUnlockMessageOneChatIntervalApart() {
        LinkedPlayer linked = linkedPlayer("en");
        awaitDelivered(linked.user().telegramId(), 1);

        postback("event=first_deposit&user_id=" + linked.playerId() + "&amount=500&currency=USD&transaction_id=T" + linked.playerId());

        List<Call> calls = awaitDelivered(linked.user().telegramId(), 3);
        assertThat(calls.get(1).text()).contains("Deposit received").contains("500 $");
        assertThat(calls.get(2).text()).contains("Premium access unlocked");
        assertThat(Duration.between(calls.get(1).at(), calls.get(2).at())).isGreaterThanOrEqualTo(PER_CHAT_INTERVAL.minusMillis(10));
        assertThat(telegram.rateLimited()).isZero();
    }

    @Test
    void namesFromOutsideAreEscapedInTheHtmlSent() {
        BotUser started = TestUsers.started(users, "en");
        BotUser hostile = users.saveProfile(started.telegramId(), "<b>boss</b>", "A & B", "en", null, started.clickToken());

        LinkedPlayer linked = linkedPlayer(hostile);

        Call toOperator = await().atMost(DELIVERY).until(() -> telegram.delivered().stream()
                .filter(call -> call.chatId() != hostile.telegramId() && call.text().contains(linked.playerId()))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(toOperator.text()).contains("@&lt;b&gt;boss&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void anOkAnswerTheClientCannotReadCountsAsSentWithAWarningAndIsNotResent() {
        BotUser user = TestUsers.started(users, "en");
        // ok: true, but "result" is not a message the client can read (as a future Bot API field could make it).
        telegram.on("sendMessage", call -> new FakeBotApi.Answer(200, "{\"ok\":true,\"result\":{\"message_id\":\"not-a-number\",\"chat\":[]}}"));

        outbox.enqueue(user.telegramId(), "test", "hello once", null, "unreadable-" + user.telegramId());

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(outbox.forChat(user.telegramId())).singleElement()
                .satisfies(message -> {
                    assertThat(message.status()).isEqualTo(Outbox.SENT);
                    assertThat(message.lastError()).contains("Unable to deserialize response");
                }));
        assertThat(telegram.calls("sendMessage")).filteredOn(call -> call.chatId() == user.telegramId()).hasSize(1);
    }

    @Test
    void anUnreadableAnswerThatIsNotOkIsRetried() {
        BotUser user = TestUsers.started(users, "en");
        telegram.failFirst("sendMessage", 1, new FakeBotApi.Answer(502, "<html>Bad Gateway</html>"));

        outbox.enqueue(user.telegramId(), "test", "hello again", null, "gateway-" + user.telegramId());

        awaitDelivered(user.telegramId(), 1);
        assertThat(telegram.calls("sendMessage")).filteredOn(call -> call.chatId() == user.telegramId()).hasSize(2);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(outbox.forChat(user.telegramId())).singleElement()
                .satisfies(message -> assertThat(message.status()).isEqualTo(Outbox.SENT)));
    }

    @Test
    void aUserWhoBlockedTheBotIsMarkedAndHearsNothingMore() {
        BotUser user = TestUsers.started(users, "ru");
        long chat = user.telegramId();
        telegram.on("sendMessage", call -> call.chatId() == chat
                ? FakeBotApi.error(403, "Forbidden: bot was blocked by the user") : telegram.sentMessage(call));
        LinkedPlayer linked = linkedPlayer(user);
        await().atMost(DELIVERY).until(() -> reload(linked.user()).blocked());
        assertThat(outbox.forChat(chat)).extracting(OutboxMessage::status).containsOnly(Outbox.BLOCKED);

        postback("event=withdrawal&user_id=" + linked.playerId() + "&amount=10&transaction_id=W" + chat);

        assertThat(outbox.forChat(chat)).last().satisfies(message -> {
            assertThat(message.kind()).isEqualTo("withdrawal");
            assertThat(message.status()).isEqualTo(Outbox.BLOCKED);
        });
        assertThat(telegram.calls("sendMessage")).filteredOn(call -> call.chatId() == chat).hasSize(1);
    }

    @Test
    void a429PausesTheWholeDispatcherForRetryAfterThenEverythingGoesOnce() {
        // Longer than the per-chat interval, so the refused chats' own waits do not explain the pause.
        Duration retryAfter = Duration.ofSeconds(1);
        AtomicInteger refusalsLeft = new AtomicInteger(3);
        AtomicReference<Instant> first429 = new AtomicReference<>();
        telegram.on("sendMessage", call -> {
            if (refusalsLeft.getAndDecrement() > 0) {
                first429.compareAndSet(null, Instant.now());
                return FakeBotApi.error(429, "Too Many Requests: retry after 1", Map.of("retry_after", retryAfter.toSeconds()));
            }
            return telegram.sentMessage(call);
        });
        List<BotUser> refused = List.of(TestUsers.started(users, "en"), TestUsers.started(users, "en"),
                TestUsers.started(users, "en"));
        BotUser bystander = TestUsers.started(users, "en");
        List<BotUser> recipients = List.of(refused.get(0), refused.get(1), refused.get(2), bystander);

        refused.forEach(user -> outbox.enqueue(user.telegramId(), "test", "hello " + user.telegramId(), null, null));
        // A send already on its way when the first 429 is written down cannot be held back: the
        // bystander's message is queued once it is, and never refused, so only the pause can hold it.
        await().atMost(DELIVERY).until(() -> refused.stream().flatMap(user -> outbox.forChat(user.telegramId()).stream())
                .anyMatch(message -> message.lastError() != null && message.lastError().startsWith("429")));
        outbox.enqueue(bystander.telegramId(), "test", "hello " + bystander.telegramId(), null, null);

        recipients.forEach(user -> awaitDelivered(user.telegramId(), 1));
        List<Long> chats = recipients.stream().map(BotUser::telegramId).toList();
        assertThat(telegram.delivered()).filteredOn(call -> chats.contains(call.chatId()))
                .hasSize(recipients.size())
                .allSatisfy(call -> assertThat(Duration.between(first429.get(), call.at()))
                        .isGreaterThanOrEqualTo(retryAfter.minusMillis(10)));
        for (BotUser user : recipients) {
            assertThat(telegram.delivered(user.telegramId())).hasSize(1);
            assertThat(outbox.forChat(user.telegramId())).singleElement()
                    .satisfies(message -> assertThat(message.status()).isEqualTo(Outbox.SENT));
        }
    }

    @Test
    void chatNotFoundIsDeadWithTheErrorAfterOneTry() {
        BotUser user = TestUsers.started(users, "en");
        telegram.on("sendMessage", call -> FakeBotApi.error(400, "Bad Request: chat not found"));

        outbox.enqueue(user.telegramId(), "test", "hello", null, null);

        OutboxMessage dead = awaitFinished(user.telegramId());
        assertThat(dead.status()).isEqualTo(Outbox.DEAD);
        assertThat(dead.lastError()).contains("chat not found");
        assertThat(telegram.calls("sendMessage")).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilTheyPass() {
        BotUser user = TestUsers.started(users, "en");
        telegram.failFirst("sendMessage", 2, FakeBotApi.error(502, "Bad Gateway"));

        outbox.enqueue(user.telegramId(), "test", "hello", null, null);

        OutboxMessage sent = awaitFinished(user.telegramId());
        assertThat(sent.status()).isEqualTo(Outbox.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        List<Call> tries = telegram.calls("sendMessage");
        // The first backoff step, less its jitter (half the step).
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(FIRST_RETRY_DELAY.dividedBy(2));
        assertThat(Duration.between(tries.get(1).at(), tries.get(2).at())).isGreaterThan(Duration.between(tries.get(0).at(), tries.get(1).at()).minusMillis(150));
    }

    @Test
    void aMessageThatKeepsFailingIsDeadAfterTheLastAttempt() {
        BotUser user = TestUsers.started(users, "en");
        telegram.on("sendMessage", call -> FakeBotApi.error(500, "Internal Server Error"));

        outbox.enqueue(user.telegramId(), "test", "hello", null, null);

        OutboxMessage dead = awaitFinished(user.telegramId());
        assertThat(dead.status()).isEqualTo(Outbox.DEAD);
        assertThat(dead.attempts()).isEqualTo(4);
        assertThat(dead.lastError()).contains("500");
        assertThat(telegram.calls("sendMessage")).hasSize(4);
    }

    @Test
    void aRefusedBotTokenHoldsDeliveryWithoutUsingUpTheMessage() {
        BotUser user = TestUsers.started(users, "en");
        // More refusals than the four attempts a message has in the tests.
        telegram.failFirst("sendMessage", 5, FakeBotApi.error(401, "Unauthorized"));

        outbox.enqueue(user.telegramId(), "test", "hello", null, null);

        OutboxMessage sent = awaitFinished(user.telegramId(), Duration.ofSeconds(30));
        assertThat(sent.status()).isEqualTo(Outbox.SENT);
        assertThat(sent.attempts()).as("only the send that went through counts").isEqualTo(1);
        List<Call> tries = telegram.calls("sendMessage");
        assertThat(tries).hasSize(6);
        // The backoff starts at 100 ms, so the chat's 200 ms interval sets the first waits; the
        // fifth refusal's wait (1.6 s, give or take half the first step) is the backoff's own.
        assertThat(Duration.between(tries.get(4).at(), tries.get(5).at()))
                .as("the waits grow").isGreaterThan(Duration.between(tries.get(0).at(), tries.get(1).at()).plusMillis(500));
    }

    @Test
    void refusalsOfSendsInFlightTogetherCountAsOneWait() {
        List<BotUser> recipients = IntStream.range(0, 6).mapToObj(n -> TestUsers.started(users, "en")).toList();
        telegram.failFirst("sendMessage", recipients.size(), FakeBotApi.error(401, "Unauthorized"));

        recipients.forEach(user -> outbox.enqueue(user.telegramId(), "test", "hello", null, null));

        recipients.forEach(user -> assertThat(awaitFinished(user.telegramId()).status()).isEqualTo(Outbox.SENT));
        List<Call> tries = telegram.calls("sendMessage");
        assertThat(tries).hasSize(2 * recipients.size());
        // One refusal's wait is the first backoff step, here under the chat's 200 ms interval; six
        // counted as six in a row would wait the sixth step, 3.2 s or more.
        assertThat(Duration.between(tries.get(recipients.size() - 1).at(), tries.getLast().at()))
                .isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aTelegramThatHangsTimesOutAndTheMessageIsRetried() {
        BotUser user = TestUsers.started(users, "en");
        AtomicInteger hangs = new AtomicInteger(1);
        telegram.on("sendMessage", call -> {
            if (hangs.getAndDecrement() > 0) {
                sleep(Duration.ofSeconds(3));
            }
            return telegram.sentMessage(call);
        });

        outbox.enqueue(user.telegramId(), "test", "hello", null, null);

        OutboxMessage sent = awaitFinished(user.telegramId());
        assertThat(sent.status()).isEqualTo(Outbox.SENT);
        assertThat(sent.lastError()).isNull();
        assertThat(telegram.calls("sendMessage")).hasSize(2);
    }

    @Test
    void brokenHtmlIsSentOnceMoreAsPlainText() {
        BotUser user = TestUsers.started(users, "en");
        telegram.on("sendMessage", call -> call.params().has("parse_mode")
                ? FakeBotApi.error(400, "Bad Request: can't parse entities: unclosed tag")
                : telegram.sentMessage(call));

        outbox.enqueue(user.telegramId(), "test", "<b>Deposit &amp; more", null, null);

        OutboxMessage sent = awaitFinished(user.telegramId());
        assertThat(sent.status()).isEqualTo(Outbox.SENT);
        assertThat(sent.plainText()).isTrue();
        assertThat(telegram.delivered(user.telegramId())).singleElement()
                .satisfies(call -> assertThat(call.text()).isEqualTo("Deposit & more"));
    }

    @Test
    void anOperatorGroupThatBecameASupergroupGetsItsMessagesAtTheNewId() {
        long supergroup = OPERATOR_SUPERGROUP;
        telegram.on("sendMessage", call -> call.chatId() == OPERATOR_CHAT
                ? FakeBotApi.error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                        Map.of("migrate_to_chat_id", supergroup))
                : telegram.sentMessage(call));

        LinkedPlayer first = linkedPlayer("en");
        assertThat(awaitDelivered(supergroup, 1).getFirst().text()).contains(first.playerId());

        LinkedPlayer second = linkedPlayer("en");
        awaitDelivered(supergroup, 2);
        assertThat(outbox.forChat(supergroup)).extracting(OutboxMessage::text)
                .anySatisfy(text -> assertThat(text).contains(second.playerId()));
        assertThat(telegram.calls("sendMessage")).filteredOn(call -> call.chatId() == OPERATOR_CHAT).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanTheCapParksDeliveryAndTellsTheOperator() {
        BotUser user = TestUsers.started(users, "en");
        // Telegram's retry_after is whole seconds: the shortest one longer than the cap.
        Duration retryAfter = Duration.ofSeconds(2);
        telegram.failFirst("sendMessage", 1, FakeBotApi.error(429, "Too Many Requests: retry after 2",
                Map.of("retry_after", retryAfter.toSeconds())));

        outbox.enqueue(user.telegramId(), "test", "hello", null, null);

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(operatorMessages())
                .anySatisfy(message -> assertThat(message.kind()).isEqualTo("operator_delivery_paused")));
        OutboxMessage parked = outbox.forChat(user.telegramId()).getFirst();
        assertThat(parked.status()).isEqualTo(Outbox.PENDING);
        assertThat(parked.attempts()).isZero();
        assertThat(parked.lastError()).contains("retry after 2");
        Call delivered = awaitDelivered(user.telegramId(), 1).getFirst();
        Call refused = telegram.calls("sendMessage").getFirst();
        assertThat(Duration.between(refused.at(), delivered.at())).isGreaterThanOrEqualTo(retryAfter.minusMillis(10));
    }

    @Test
    void oneChatGetsOneMessageAPerChatIntervalInOrderWhileOtherChatsGoOn() {
        BotUser busy = TestUsers.started(users, "en");
        for (int i = 0; i < 4; i++) {
            outbox.enqueue(busy.telegramId(), "test", "message " + i, null, null);
        }
        List<BotUser> others = java.util.stream.IntStream.range(0, 40).mapToObj(i -> TestUsers.started(users, "en")).toList();
        others.forEach(user -> outbox.enqueue(user.telegramId(), "test", "hello", null, null));

        List<Call> busyCalls = awaitDelivered(busy.telegramId(), 4);
        others.forEach(user -> awaitDelivered(user.telegramId(), 1));

        assertThat(busyCalls).extracting(Call::text).containsExactly("message 0", "message 1", "message 2", "message 3");
        assertThat(Duration.between(busyCalls.getFirst().at(), busyCalls.getLast().at()))
                .isGreaterThanOrEqualTo(PER_CHAT_INTERVAL.multipliedBy(3).minusMillis(10));
        assertThat(telegram.rateLimited()).isZero();
    }

    /** The operator chat may have become a supergroup in another test of this context. */
    private List<OutboxMessage> operatorMessages() {
        return java.util.stream.Stream.concat(outbox.forChat(OPERATOR_CHAT).stream(),
                outbox.forChat(OPERATOR_SUPERGROUP).stream()).toList();
    }

    private List<Call> awaitDelivered(long chatId, int count) {
        return await().atMost(DELIVERY).until(() -> telegram.delivered(chatId), calls -> calls.size() >= count);
    }

    private OutboxMessage awaitFinished(long chatId) {
        return awaitFinished(chatId, DELIVERY);
    }

    private OutboxMessage awaitFinished(long chatId, Duration within) {
        return await().atMost(within).until(() -> outbox.forChat(chatId).getFirst(),
                message -> !message.status().equals(Outbox.PENDING));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
