package org.postbackbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.outbox.DeliveryMode;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.setup.SetupItem;
import org.postbackbridge.setup.SetupReport;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.testsupport.WebhookReceiver;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * An endpoint declared in configuration (WEBHOOK_URL, WEBHOOK_SECRET) and no bot token: the service is
 * the postback engine of the operator's own bot, headless, with no dry-run messages.
 */
@Tag("integration")
class HeadlessModeTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aDeclaredEndpointGetsTheEventsAndNoTelegramMessageIsRecorded() {
        String database = TestDatabase.freshUrl();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            BotUser user;
            try (ServiceInstance service = ServiceInstance.start(database, declared(receiver.url(), SECRET))) {
                DeliveryMode mode = service.bean(DeliveryMode.class);
                assertThat(mode.headless()).isTrue();
                assertThat(mode.dryRun()).isFalse();
                user = TestUsers.started(service.bean(UserRepository.class), "en");
                String player = TestUsers.newPlayerId();

                service.http().post("/postback/1win?event=registration&user_id=" + player + "&sub1=" + user.clickToken());
                service.http().post("/postback/1win?event=first_deposit&user_id=" + player
                        + "&amount=10&currency=USD&transaction_id=h" + player);

                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 3);
                assertThat(receiver.accepted()).extracting(request -> JSON.readTree(request.body()).get("type").asString())
                        .containsExactly("registration", "first_deposit", "access_unlocked");
                WebhookSigner signer = new WebhookSigner(SECRET);
                assertThat(receiver.accepted()).allMatch(request -> signer.verify(request.headers(), request.body(), Instant.now()));
                assertThat(service.bean(Outbox.class).forChat(user.telegramId())).as("no dry-run messages").isEmpty();
                assertThat(service.bean(SetupReport.class).run()).filteredOn(result -> result.item() == SetupItem.BOT)
                        .singleElement().satisfies(result -> assertThat(result.found()).startsWith("Headless"));
                assertThat(service.bean(WebhookEndpoints.class).all()).singleElement().satisfies(endpoint -> {
                    assertThat(endpoint.declared()).isTrue();
                    assertThat(endpoint.eventTypes()).isEmpty();
                });
            }

            // Taken out of configuration: disabled, not deleted, and the service is back in dry-run.
            try (ServiceInstance service = ServiceInstance.start(database, Map.of())) {
                assertThat(service.bean(WebhookEndpoints.class).all()).singleElement().satisfies(endpoint -> {
                    assertThat(endpoint.enabled()).isFalse();
                    assertThat(endpoint.disabledReason()).contains("No longer declared");
                });
                assertThat(service.bean(DeliveryMode.class).dryRun()).isTrue();
            }
        }
    }

    @Test
    void aDeclaredEndpointThatCannotWorkStopsTheStartSayingWhatToFix() {
        assertThatThrownBy(() -> check(new WebhookProperties.DeclaredEndpoint("https://bot.example.com/hooks", "secret", List.of())))
                .hasMessageContaining("WEBHOOK_SECRET").hasMessageContaining("whsec_");
        assertThatThrownBy(() -> check(new WebhookProperties.DeclaredEndpoint("http://bot.example.com/hooks", SECRET, List.of())))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> check(new WebhookProperties.DeclaredEndpoint("https://bot.example.com/hooks", SECRET,
                List.of("deposit", "jackpot")))).hasMessageContaining("jackpot").hasMessageContaining("first_deposit");
    }

    /** The start's check of declared endpoints, which refuses before it writes anything. */
    private static void check(WebhookProperties.DeclaredEndpoint endpoint) {
        WebhookProperties properties = new WebhookProperties("", "", List.of(endpoint), false, Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofDays(90));
        new DeclaredEndpoints(properties, null, new EndpointUrlPolicy(properties)).afterPropertiesSet();
    }

    private static Map<String, String> declared(String url, String secret) {
        return Map.of("postback-bridge.webhooks.url", url, "postback-bridge.webhooks.secret", secret,
                "postback-bridge.webhooks.poll-interval", "50ms");
    }
}
