package org.postbackbridge.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.attribution.ClickTokens;
import org.postbackbridge.attribution.Claims;
import org.postbackbridge.attribution.PlayerLinks;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.Waits;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The bot over long polling against a fake Telegram: what users and operators type, and what follows. */
@IntegrationTest
@DirtiesContext
class BotTest extends PostbackTestBase {

    static final FakeBotApi telegram = new FakeBotApi();
    static final long OPERATOR_CHAT = 9000001;
    static final AtomicLong NEXT_ID = new AtomicLong(5_000_000 + (System.nanoTime() % 100_000) * 10);
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void bot(DynamicPropertyRegistry registry) {
        registry.add("postback-bridge.telegram.token", () -> FakeBotApi.TOKEN);
        registry.add("postback-bridge.telegram.api-url", telegram::url);
        registry.add("postback-bridge.bot.required-channel-id", () -> "@news_channel");
        registry.add("postback-bridge.bot.premium-channel-id", () -> "-1001234567890");
        registry.add("postback-bridge.attribution.affiliate-link", () -> "https://1win.example/?p=abcd&sub1={click_id}");
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @Autowired
    PlayerLinks players;
    @Autowired
    Claims claims;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CommandMenu menu;

    @BeforeEach
    void subscribedByDefault() {
        telegram.reset();
        telegram.on("getChatMember", call -> FakeBotApi.ok(member(call, "member")));
    }

    @Test
    void startRecordsTheUserAndHandsOutALinkWhoseRegistrationFindsThem() {
        long id = NEXT_ID.incrementAndGet();

        send(id, "/start ads_2026-11");

        OutboxMessage reply = awaitReply(id, "start_link");
        BotUser user = users.findById(id).orElseThrow();
        assertThat(user.trafficSource()).isEqualTo("ads_2026-11");
        assertThat(user.subscribed()).isTrue();
        assertThat(reply.buttons()).contains("https://1win.example/?p=abcd&sub1=" + user.clickToken());

        String player = newPlayerId();
        assertThat(postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken()).json()
                .get("status").asString()).isEqualTo("processed");
        Waits.promptly(WAIT).until(() -> telegram.delivered(id).stream().anyMatch(call -> call.text().contains(player)));
    }

    @Test
    void aPayloadTelegramWouldNotSendIsIgnored() {
        long id = NEXT_ID.incrementAndGet();

        send(id, "/start <script>!");

        awaitReply(id, "start_link");
        assertThat(users.findById(id).orElseThrow().trafficSource()).isNull();
    }

    @Test
    void aUserOutsideTheChannelIsAskedToJoinAndLetInOnceTheyHave() {
        long id = NEXT_ID.incrementAndGet();
        telegram.on("getChatMember", call -> FakeBotApi.ok(member(call, "left")));

        send(id, "/start");

        OutboxMessage gate = awaitReply(id, "gate_subscribe");
        assertThat(gate.buttons()).contains("https://t.me/news_channel").contains(StartCommand.RECHECK_SUBSCRIPTION);
        assertThat(kinds(id)).doesNotContain("start_link");

        telegram.on("getChatMember", call -> FakeBotApi.ok(member(call, "member")));
        telegram.pushUpdate(Map.of("callback_query", Map.of("id", "cb" + id, "from", from(id),
                "chat_instance", "1", "data", StartCommand.RECHECK_SUBSCRIPTION,
                "message", Map.of("message_id", 1, "date", now(), "chat", chat(id), "text", "gate"))));

        awaitReply(id, "start_link");
        assertThat(users.findById(id).orElseThrow().subscribed()).isTrue();
        assertThat(telegram.calls("answerCallbackQuery")).isNotEmpty();
    }

    @Test
    void aGateTelegramCannotCheckLetsUsersThroughAndTellsTheOperatorOnce() {
        long first = NEXT_ID.incrementAndGet();
        long second = NEXT_ID.incrementAndGet();
        telegram.on("getChatMember", call -> FakeBotApi.error(400, "Bad Request: member list is inaccessible"));

        send(first, "/start");
        send(second, "/start");

        awaitReply(first, "start_link");
        awaitReply(second, "start_link");
        assertThat(outbox.forChat(OPERATOR_CHAT)).filteredOn(message -> message.kind().equals("operator_gate_broken"))
                .singleElement().satisfies(alert -> assertThat(alert.text()).contains("member list is inaccessible"));
    }

    @Test
    void aTypedPlayerIdWhoseRegistrationArrivedLinksAtOnce() {
        long id = started();
        String player = newPlayerId();
        assertThat(postback("event=registration&user_id=" + player).json().get("status").asString()).isEqualTo("unmatched");

        send(id, player);

        awaitReply(id, "link_summary");
        assertThat(players.telegramIdOf("1win", player)).contains(id);
        assertThat(kinds(id)).containsExactly("link_summary");
    }

    @Test
    void aClaimOfAPlayerNotSeenYetWaitsAndTheRegistrationCompletesIt() {
        long id = started();
        String player = newPlayerId();

        send(id, "/id " + player);
        awaitReply(id, "claim_waiting");
        assertThat(players.telegramIdOf("1win", player)).isEmpty();

        assertThat(postback("event=registration&user_id=" + player).json().get("status").asString()).isEqualTo("processed");
        assertThat(players.telegramIdOf("1win", player)).contains(id);
        assertThat(kinds(id)).contains("registration");
    }

    @Test
    void aPlayerLinkedToSomeoneElseIsRefused() {
        BotUser owner = users.findById(started()).orElseThrow();
        long id = started();
        String player = newPlayerId();
        postback("event=registration&user_id=" + player + "&sub1=" + owner.clickToken());

        send(id, player);

        awaitReply(id, "claim_taken");
        assertThat(players.telegramIdOf("1win", player)).contains(owner.telegramId());
    }

    @Test
    void theSixthClaimInAnHourIsRefused() {
        long id = started();
        for (int i = 0; i < Claims.PER_HOUR; i++) {
            assertThat(claims.claim(id, newPlayerId()).result()).isEqualTo(Claims.Result.WAITING);
        }

        send(id, newPlayerId());

        awaitReply(id, "claim_too_many");
    }

    @Test
    void usersClaimingOnePlayerAtOnceNeverBindItTwiceAndLeaveItToAnOperator() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int round = 0; round < 10; round++) {
            String player = newPlayerId();
            postback("event=registration&user_id=" + player);
            List<Long> claimants = List.of(started(), started(), started(), started());
            List<Future<Claims.Result>> results = pool.invokeAll(claimants.stream()
                    .map(id -> (Callable<Claims.Result>) () -> transaction.execute(tx -> claims.claim(id, player).result()))
                    .toList());

            List<Claims.Result> outcomes = results.stream().map(BotTest::get).toList();
            assertThat(outcomes).filteredOn(result -> result == Claims.Result.LINKED).hasSizeLessThanOrEqualTo(1);
            assertThat(outcomes).filteredOn(result -> result != Claims.Result.LINKED).containsOnly(Claims.Result.CONTESTED);
            assertThat(claimants).filteredOn(id -> players.playerIdOf("1win", id).isPresent()).isEmpty();
        }
        pool.shutdown();
    }

    @Test
    void statusSignalsAndNotificationsTellTheUserWhereTheyStand() {
        long id = started();
        send(id, "/signals");
        awaitReply(id, "signals_locked");

        String player = newPlayerId();
        postback("event=registration&user_id=" + player + "&sub1=" + users.findById(id).orElseThrow().clickToken());
        postback("event=first_deposit&user_id=" + player + "&amount=1500&currency=RUB&transaction_id=bot-" + player);
        telegram.on("createChatInviteLink", call -> FakeBotApi.ok(Map.of("invite_link", "https://t.me/+invite" + id,
                "creator", Map.of("id", 1, "is_bot", true, "first_name", "bot"), "creates_join_request", false,
                "is_primary", false, "is_revoked", false, "member_limit", call.params().path("member_limit").asInt())));

        send(id, "/status");
        send(id, "/signals");

        assertThat(awaitReply(id, "status_linked").text()).contains(player).contains("1,500 ₽").contains("open");
        assertThat(awaitReply(id, "signals_invite").text()).contains("https://t.me/+invite" + id);
        assertThat(telegram.calls("createChatInviteLink")).singleElement().satisfies(call -> {
            assertThat(call.params().path("member_limit").asInt()).isEqualTo(1);
            assertThat(call.params().path("chat_id").asString()).isEqualTo("-1001234567890");
        });

        send(id, "/notifications off");
        awaitReply(id, "notifications_off");
        postback("event=win&user_id=" + player + "&amount=900&transaction_id=win-" + player);
        assertThat(kinds(id)).doesNotContain("win");
    }

    @Test
    void blockingAndUnblockingTheBotIsSeenAtOnce() {
        long id = started();

        memberUpdate(id, "kicked");
        Waits.promptly(WAIT).until(() -> users.findById(id).orElseThrow().blocked());
        memberUpdate(id, "member");
        Waits.promptly(WAIT).until(() -> !users.findById(id).orElseThrow().blocked());
    }

    @Test
    void operatorsGetStatsAndPlayersAndOthersDoNot() {
        LinkedPlayer linked = linkedPlayer(users.findById(started()).orElseThrow());
        long stranger = started();

        send(OPERATOR_CHAT, "/stats");
        send(OPERATOR_CHAT, "/player " + linked.playerId());
        send(stranger, "/stats");

        assertThat(awaitReply(OPERATOR_CHAT, "operator_stats").text()).contains("Registrations").containsPattern("\\d+(\\.\\d)?%");
        assertThat(awaitReply(OPERATOR_CHAT, "operator_player").text())
                .contains(linked.playerId()).contains(String.valueOf(linked.user().telegramId()))
                .contains("UTC: Registration").doesNotContain("{").doesNotContain("TEST");
        awaitReply(stranger, "help");
        assertThat(kinds(stranger)).doesNotContain("operator_stats");
    }

    @Test
    void theCommandMenuIsSetInRussianAndEnglish() {
        menu.set();

        Waits.promptly(WAIT).until(() -> telegram.calls("setMyCommands").size() >= 3);
        assertThat(telegram.calls("setMyCommands")).anySatisfy(call -> {
            assertThat(call.params().path("language_code").asString()).isEqualTo("ru");
            assertThat(call.params().path("commands").toString()).contains("\"command\":\"status\"", "Ваш аккаунт");
        }).anySatisfy(call -> {
            assertThat(call.params().path("language_code").asString()).isEqualTo("en");
            assertThat(call.params().path("commands").toString()).contains("\"command\":\"id\"", "Link your player account");
        });
    }

    @Test
    void aCommandMissingItsArgumentGetsItsOwnHelp() {
        long id = started();

        send(id, "/id abc");
        send(id, "/notifications");

        assertThat(awaitReply(id, "help_id").text()).contains("/id 12345");
        assertThat(awaitReply(id, "help_notifications").text()).contains("/notifications off", "/notifications on");
        assertThat(kinds(id)).doesNotContain("help");
    }

    @Test
    void anOperatorDecidesAClaimWithTheButtonsUnderItsReview() {
        long id = started();
        String player = newPlayerId();
        postback("event=registration&user_id=" + player);
        send(id, player);
        awaitReply(id, "link_summary");
        long rival = started();
        send(rival, "/id " + player);
        awaitReply(rival, "claim_contested");
        OutboxMessage review = Waits.promptly(WAIT).until(() -> outbox.forChat(OPERATOR_CHAT).stream()
                .filter(message -> message.kind().equals("operator_claim_review") && message.text().contains(player))
                .findFirst(), Optional::isPresent).orElseThrow();
        List<String> approvals = Pattern.compile("claim:approve:\\d+").matcher(review.buttons()).results()
                .map(MatchResult::group).toList();
        assertThat(approvals).hasSize(2);

        // The first claimant forging the button that approves their own claim changes nothing.
        pressButton(id, id, approvals.getFirst());
        pressButton(OPERATOR_CHAT, 42, approvals.getLast());

        assertThat(awaitReply(OPERATOR_CHAT, "operator_claim_decided").text()).contains(player, "approved", "42");
        assertThat(players.telegramIdOf("1win", player)).contains(rival);
        awaitReply(rival, "link_summary");
        awaitReply(id, "claim_rejected");
    }

    private static void pressButton(long chatId, long userId, String data) {
        telegram.pushUpdate(Map.of("callback_query", Map.of("id", "cb" + NEXT_ID.incrementAndGet(), "from", from(userId),
                "chat_instance", "1", "data", data,
                "message", Map.of("message_id", 1, "date", now(), "chat", chat(chatId), "text", "review"))));
    }

    private long started() {
        long id = NEXT_ID.incrementAndGet();
        users.saveProfile(id, "u" + id, "User", "en", null, ClickTokens.newToken());
        return id;
    }

    private static String newPlayerId() {
        return Long.toString(NEXT_ID.incrementAndGet() * 7);
    }

    private static void send(long userId, String text) {
        telegram.pushUpdate(Map.of("message", Map.of("message_id", NEXT_ID.incrementAndGet(), "date", now(),
                "chat", chat(userId), "from", from(userId), "text", text)));
    }

    private static void memberUpdate(long userId, String status) {
        telegram.pushUpdate(Map.of("my_chat_member", Map.of("chat", chat(userId), "from", from(userId), "date", now(),
                "old_chat_member", Map.of("status", "member", "user", Map.of("id", 1, "is_bot", true, "first_name", "bot")),
                "new_chat_member", Map.of("status", status, "user", Map.of("id", 1, "is_bot", true, "first_name", "bot"),
                        "until_date", 0))));
    }

    private static Map<String, Object> chat(long id) {
        return Map.of("id", id, "type", "private");
    }

    private static Map<String, Object> from(long id) {
        return Map.of("id", id, "is_bot", false, "first_name", "Ann", "username", "ann" + id, "language_code", "en");
    }

    private static Map<String, Object> member(FakeBotApi.Call call, String status) {
        return Map.of("status", status, "user", Map.of("id", call.params().path("user_id").asLong(), "is_bot", false,
                "first_name", "Ann"));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private OutboxMessage awaitReply(long chatId, String kind) {
        return Waits.promptly(WAIT).until(() -> outbox.forChat(chatId).stream()
                .filter(message -> message.kind().equals(kind)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private List<String> kinds(long chatId) {
        return outbox.forChat(chatId).stream().map(OutboxMessage::kind).toList();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
