package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postbackbridge.setup.SetupReport;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A fully set-up service against a fake Telegram: once every check is green, signing in opens the
 * dashboard; the test message reaches each operator chat; no dry-run banner is shown.
 */
@IntegrationTest
class SetupPageTest extends PostbackTestBase {

    static final FakeBotApi telegram = new FakeBotApi();
    static final long OPERATOR_CHAT = 9000001;

    @DynamicPropertySource
    static void everythingConfigured(DynamicPropertyRegistry registry) {
        registry.add("postback-bridge.telegram.token", () -> FakeBotApi.TOKEN);
        registry.add("postback-bridge.telegram.api-url", telegram::url);
        registry.add("postback-bridge.bot.required-channel-id", () -> "@news_channel");
        registry.add("postback-bridge.bot.premium-channel-id", () -> "-1001234567890");
        registry.add("postback-bridge.attribution.affiliate-link", () -> "https://1win.example/?p=abcd&sub1={click_id}");
        telegram.on("getChatMember", call -> FakeBotApi.member(call, "administrator"));
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @Autowired
    SetupReport report;

    @Test
    void signingInOpensTheSetupPageUntilEverythingWorksThenTheDashboard() {
        ConsoleClient console = new ConsoleClient(port);
        report.run();
        Http.Response beforeAnyPostback = console.signIn(Http.ADMIN_TOKEN);
        assertThat(beforeAnyPostback.body()).contains("id=\"checklist\"").doesNotContain("id=\"all-ok\"")
                .doesNotContain("id=\"dry-run-banner\"").contains("Connected as @test_bot.");

        postback("event=registration&user_id=88001");
        String setup = console.get("/admin/setup").body();
        // Opened at http://127.0.0.1, the page warns that partner programs need a public address.
        assertThat(setup).doesNotContain("data-verdict=\"PROBLEM\"")
                .containsOnlyOnce("data-verdict=\"TODO\"").contains("which a partner program cannot call");

        assertThat(new ConsoleClient(port).signIn(Http.ADMIN_TOKEN).body()).contains("id=\"funnel\"");
    }

    @Test
    void theTestMessageGoesToEachOperatorChat() {
        ConsoleClient console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
        console.get("/admin/setup");

        assertThat(console.post("/admin/setup/test-message").body()).contains("id=\"tested\"");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                telegram.delivered(OPERATOR_CHAT).stream().anyMatch(call -> call.text().contains("Проверка связи")));
    }
}
