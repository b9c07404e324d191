package org.postbackbridge.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postbackbridge.setup.SetupResult.Verdict;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The checks the service runs at start against a fake Telegram: settings that cannot work stop
 * the start with a message naming the fix; what Telegram says about the token, the channels and
 * the operator chats is logged with its fix and kept for the console's setup page.
 */
@Tag("integration")
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTest {

    static final String CHANNEL = "@news_channel";
    static final String PREMIUM = "-1001234567890";
    static final long OPERATOR = 9000001;
    static final long STRANGER = 9000002;

    final FakeBotApi telegram = new FakeBotApi();
    ServiceInstance service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        telegram.close();
    }

    @Test
    void anAffiliateLinkWithoutClickIdStopsTheStartNamingTheFix() {
        assertThatThrownBy(() -> startWithoutWebServer(Map.of("postback-bridge.attribution.affiliate-link", "https://1win.example/?p=abcd")))
                .hasStackTraceContaining("AFFILIATE_LINK must be your partner link with {click_id}")
                .hasStackTraceContaining("sub1={click_id}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://bot.example.com/telegram/webhook", "https://bot.example.com/", "bot.example.com/telegram/webhook"})
    void aWebhookUrlThatIsNotHttpsOrDoesNotEndInTelegramWebhookStopsTheStart(String url) {
        assertThatThrownBy(() -> startWithoutWebServer(withTelegram(Map.of("postback-bridge.bot.webhook-url", url))))
                .hasStackTraceContaining("TELEGRAM_WEBHOOK_URL must be your public HTTPS address ending in /telegram/webhook");
    }

    @Test
    void aRefusedTokenIsAClearErrorAndPostbacksAreStillReceived(CapturedOutput output) {
        telegram.on("getMe", call -> FakeBotApi.error(401, "Unauthorized"));

        service = start(withTelegram(Map.of()));

        SetupResult bot = result(SetupItem.BOT);
        assertThat(bot.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(bot.found()).contains("Telegram refused TELEGRAM_TOKEN (401").contains("Postbacks are still received");
        assertThat(bot.fix()).contains("@BotFather").contains("TELEGRAM_TOKEN");
        assertThat(output.getAll()).contains("ERROR").contains("Setup: Telegram bot: Telegram refused TELEGRAM_TOKEN")
                .doesNotContain(FakeBotApi.TOKEN);
        assertThat(service.http().post("/postback/1win?event=registration&user_id=55501").json()
                .get("status").asString()).isEqualTo("unmatched");
    }

    @Test
    void aWorkingTokenIsShownAsTheBotsName(CapturedOutput output) {
        service = start(withTelegram(Map.of()));

        assertThat(result(SetupItem.BOT)).satisfies(bot -> {
            assertThat(bot.verdict()).isEqualTo(Verdict.OK);
            assertThat(bot.found()).isEqualTo("Connected as @test_bot.");
        });
        assertThat(output.getAll()).contains("Setup: Telegram bot: Connected as @test_bot.");
    }

    @Test
    void theGateNeedsTheBotToAdministerTheRequiredChannel() {
        telegram.on("getChatMember", call -> FakeBotApi.member(call, "member"));
        service = start(withTelegram(Map.of("postback-bridge.bot.required-channel-id", CHANNEL)));

        SetupResult notAdmin = result(SetupItem.GATE);
        assertThat(notAdmin.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(notAdmin.found()).contains("@test_bot is not an administrator of " + CHANNEL);
        assertThat(notAdmin.fix()).contains("Add @test_bot to " + CHANNEL + " as an administrator");
        assertThat(telegram.calls("getChatMember")).anySatisfy(call -> {
            assertThat(call.params().path("chat_id").asString()).isEqualTo(CHANNEL);
            assertThat(call.params().path("user_id").asLong()).isEqualTo(123456);
        });

        telegram.on("getChatMember", call -> FakeBotApi.member(call, "administrator"));
        assertThat(rerun(SetupItem.GATE).verdict()).isEqualTo(Verdict.OK);

        telegram.on("getChatMember", call -> FakeBotApi.error(400, "Bad Request: chat not found"));
        SetupResult unknown = rerun(SetupItem.GATE);
        assertThat(unknown.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(unknown.found()).contains("chat not found");
        assertThat(unknown.fix()).contains("REQUIRED_CHANNEL_ID");
    }

    @Test
    void eachOperatorChatMustBeReachable() {
        telegram.on("getChat", call -> call.params().path("chat_id").asLong() == STRANGER
                ? FakeBotApi.error(400, "Bad Request: chat not found") : FakeBotApi.chat(call));
        service = start(withTelegram(Map.of("postback-bridge.notify.admin-chat-ids", OPERATOR + "," + STRANGER)));

        SetupResult chats = result(SetupItem.OPERATOR_CHATS);
        assertThat(chats.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(chats.found()).contains(STRANGER + " (400 Bad Request: chat not found)").doesNotContain(OPERATOR + " (");
        assertThat(chats.fix()).contains("opens @test_bot and presses Start").contains("ADMIN_CHAT_IDS");
        assertThat(telegram.calls("getChat")).extracting(call -> call.params().path("chat_id").asLong())
                .contains(OPERATOR, STRANGER);

        telegram.on("getChat", FakeBotApi::chat);
        SetupResult reachable = rerun(SetupItem.OPERATOR_CHATS);
        assertThat(reachable.verdict()).isEqualTo(Verdict.OK);
        assertThat(reachable.found()).contains("Operator (" + OPERATOR + ")");
    }

    @Test
    void premiumInvitesNeedTheRightToInviteUsers() {
        telegram.on("getChatMember", call -> FakeBotApi.member(call, "member"));
        service = start(withTelegram(Map.of("postback-bridge.bot.premium-channel-id", PREMIUM)));

        SetupResult member = result(SetupItem.PREMIUM_CONTENT);
        assertThat(member.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(member.fix()).contains("with the right to invite users");

        telegram.on("getChatMember", call -> FakeBotApi.member(call, "administrator"));
        assertThat(rerun(SetupItem.PREMIUM_CONTENT).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void inDryRunEachItemSaysWhatIsMissing(CapturedOutput output) {
        service = start(Map.of("postback-bridge.bot.required-channel-id", CHANNEL));

        assertThat(result(SetupItem.BOT).found()).startsWith("Dry-run: TELEGRAM_TOKEN is not set");
        assertThat(result(SetupItem.BOT).fix()).contains("@BotFather");
        assertThat(result(SetupItem.GATE).fix()).isEqualTo("Set TELEGRAM_TOKEN.");
        assertThat(result(SetupItem.AFFILIATE_LINK).found()).contains("AFFILIATE_LINK is empty");
        assertThat(result(SetupItem.PREMIUM_CONTENT).found()).contains("Оператор ещё не указал");
        assertThat(result(SetupItem.FIRST_POSTBACK).verdict()).isEqualTo(Verdict.TODO);
        assertThat(output.getAll()).contains("Setup: Premium content: Nothing is set").contains("To do: Set PREMIUM_CHANNEL_ID");
        assertThat(telegram.calls()).isEmpty();
    }

    private ServiceInstance start(Map<String, String> properties) {
        return ServiceInstance.start(TestDatabase.freshUrl(), properties);
    }

    /**
     * For a start that must fail on its settings: the settings are checked whether or not there is a
     * web server, so none is made only to be torn down.
     */
    private ServiceInstance startWithoutWebServer(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("spring.main.web-application-type", "none");
        return start(all);
    }

    private Map<String, String> withTelegram(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(ServiceInstance.telegram(telegram));
        all.putAll(properties);
        return all;
    }

    /** The start-up report's result for {@code item}, once the report has run. */
    private SetupResult result(SetupItem item) {
        SetupReport report = service.bean(SetupReport.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> !report.latest().isEmpty());
        return find(report.latest(), item);
    }

    private SetupResult rerun(SetupItem item) {
        return find(service.bean(SetupReport.class).run(), item);
    }

    private static SetupResult find(List<SetupResult> results, SetupItem item) {
        return results.stream().filter(result -> result.item() == item).findFirst().orElseThrow();
    }
}
