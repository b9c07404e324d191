package org.postbackbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.testsupport.WebhookReceiver;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The console's webhooks page over HTTP, as a signed-in operator uses it, against a receiver started here. */
@IntegrationTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "postback-bridge.webhooks.poll-interval=50ms")
class WebhooksConsoleTest extends PostbackTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SECRET = Pattern.compile("id=\"new-secret-value\">(whsec_[A-Za-z0-9+/=]+)<");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private ConsoleClient console;

    @BeforeEach
    void signIn() {
        console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
        console.get("/admin/webhooks");
    }

    @AfterEach
    void stopReceiver() {
        endpoints.all().forEach(endpoint -> endpoints.setEnabled(endpoint.id(), false, "test over"));
        receiver.close();
    }

    @Test
    void anAddedEndpointShowsItsSecretOnceAndATestEventArrivesSignedWithIt() {
        Http.Response added = console.post("/admin/webhooks", "url", receiver.url(), "types", "deposit");

        assertThat(added.status()).isEqualTo(200);
        Matcher shown = SECRET.matcher(added.body());
        assertThat(shown.find()).isTrue();
        String secret = shown.group(1);
        long id = endpointAt(receiver.url());
        assertThat(console.get("/admin/webhooks").body()).contains(receiver.url()).doesNotContain(secret);

        console.post("/admin/webhooks/" + id + "/test");

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        WebhookReceiver.Received test = receiver.accepted().getFirst();
        assertThat(JSON.readTree(test.body()).get("type").asString()).isEqualTo("test");
        assertThat(new WebhookSigner(secret).verify(test.headers(), test.body(), clock.instant())).isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(console.get("/admin/webhooks?endpoint=" + id).body())
                .contains(test.id()).contains("delivered").contains("204").containsPattern("\\d+ ms"));
    }

    @Test
    void aUrlThePolicyRefusesIsA400NamingTheProblemAndAddsNothing() {
        int before = endpoints.all().size();

        Http.Response plainHttp = console.post("/admin/webhooks", "url", "http://bot.example.com/hooks");
        Http.Response internal = console.post("/admin/webhooks", "url", "https://10.1.2.3/hooks");
        Http.Response unknownType = console.post("/admin/webhooks", "url", receiver.url(), "types", "jackpot");

        assertThat(plainHttp.status()).isEqualTo(400);
        assertThat(plainHttp.body()).contains("id=\"endpoint-problem\"").contains("must use https");
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.body()).contains("WEBHOOKS_ALLOW_PRIVATE");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body()).contains("jackpot");
        assertThat(endpoints.all()).hasSize(before);
    }

    @Test
    void aDisabledEndpointGetsNothingUntilEnabledThenEverythingInOrderAndADeletedOneIsGone() {
        console.post("/admin/webhooks", "url", receiver.url());
        long id = endpointAt(receiver.url());
        console.post("/admin/webhooks/" + id + "/disable");
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();

        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=c" + player);
        // A look at the page after the postbacks, as an operator would; the disabled endpoint still got nothing.
        assertThat(console.get("/admin/webhooks").body()).contains("disabled: Disabled in the console.");
        assertThat(receiver.received()).isEmpty();

        console.post("/admin/webhooks/" + id + "/enable");

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 3);
        assertThat(receiver.accepted()).extracting(request -> JSON.readTree(request.body()).get("type").asString())
                .containsExactly("registration", "first_deposit", "access_unlocked");

        console.post("/admin/webhooks/" + id + "/delete");
        assertThat(endpoints.find(id)).isEmpty();
        assertThat(jdbc.sql("SELECT action FROM operator_actions WHERE subject = ? ORDER BY id")
                .param("webhook_endpoint:" + id).query(String.class).list()).as("the operator's record")
                .containsExactly("webhook_endpoint_added", "webhook_endpoint_disabled", "webhook_endpoint_enabled",
                        "webhook_endpoint_deleted");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDeadMessageIsRetriedFromTheDeliveryLog() {
        receiver.answer(n -> n == 0 ? 500 : 200);
        console.post("/admin/webhooks", "url", receiver.url(), "types", "registration");
        long id = endpointAt(receiver.url());
        endpoints.setEnabled(id, true, null);
        BotUser user = TestUsers.started(users, "en");
        postback("event=registration&user_id=" + TestUsers.newPlayerId() + "&sub1=" + user.clickToken());
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        // Past the retry window before the next attempt is due: the message is dead after it.
        jdbc.sql("UPDATE webhook_deliveries SET retrying_since = ? WHERE endpoint_id = ?")
                .params(clock.instant().minus(Duration.ofDays(2)).toEpochMilli(), id).update();
        clock.advance(Duration.ofHours(2));
        receiver.answer(n -> 500);
        await().atMost(WAIT).until(() -> console.get("/admin/webhooks?endpoint=" + id).body().contains(">dead<"));
        long delivery = jdbc.sql("SELECT id FROM webhook_deliveries WHERE endpoint_id = ?").param(id).query(Long.class).single();
        receiver.answer(n -> 200);

        assertThat(console.postWithToken("/admin/webhooks/" + id + "/deliveries/" + delivery + "/retry", null).status())
                .as("without the form token").isEqualTo(403);
        Http.Response retried = console.post("/admin/webhooks/" + id + "/deliveries/" + delivery + "/retry");

        assertThat(retried.body()).contains("id=\"retried-notice\"");
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).containsOnly(receiver.received().getFirst().id());
    }

    private long endpointAt(String url) {
        return endpoints.all().stream().filter(endpoint -> endpoint.url().equals(url)).reduce((a, b) -> b).orElseThrow().id();
    }
}
