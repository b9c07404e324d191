package org.postbackbridge.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;

/** The Prometheus endpoint, scraped as Prometheus would: behind the admin token, with the named series. */
@IntegrationTest
class MetricsTest extends PostbackTestBase {

    static final String AUTH = "Bearer " + Http.ADMIN_TOKEN;

    @Test
    void theEndpointWantsTheAdminToken() {
        Http.Response anonymous = http.get("/actuator/prometheus");
        Http.Response wrong = http.get("/actuator/prometheus", "Authorization", "Bearer nope");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asString()).isEqualTo("admin_token_required");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", "Authorization", AUTH).status()).isEqualTo(200);
    }

    @Test
    void postbacksAreCountedByNetworkEventAndStatusAndTimed() {
        String before = scrape();
        LinkedPlayer linked = linkedPlayer("en");
        String deposit = "event=deposit&user_id=" + linked.playerId() + "&amount=10&transaction_id=m-" + linked.playerId();
        postback(deposit);
        postback(deposit);
        postback("event=deposit&user_id=" + TestUsers.newPlayerId() + "&amount=5");
        postback("event=deposit&user_id=" + linked.playerId() + "&amount=%7Bamount%7D");

        String after = scrape();

        assertThat(delta(before, after, series("registration", "processed"))).isEqualTo(1);
        assertThat(delta(before, after, series("deposit", "processed"))).isEqualTo(1);
        assertThat(delta(before, after, series("deposit", "duplicate"))).isEqualTo(1);
        assertThat(delta(before, after, series("deposit", "unmatched"))).isEqualTo(1);
        assertThat(delta(before, after, series("none", "rejected"))).isEqualTo(1);
        assertThat(delta(before, after, "postback_bridge_postback_processing_seconds_count")).isEqualTo(5);
        assertThat(after).contains("postback_bridge_postback_processing_seconds_bucket{le=");
        // Every postback, the refused one included, is a unit of the group commit (the dispatcher adds its own).
        assertThat(delta(before, after, "postback_bridge_group_commit_batch_size_sum")).isGreaterThanOrEqualTo(5);
        assertThat(delta(before, after, "postback_bridge_group_commit_batch_size_count")).isPositive();
    }

    @Test
    void aRequestIsTimedAsAWholeNotOncePerSecurityFilter() {
        postback("event=deposit&user_id=" + TestUsers.newPlayerId() + "&amount=5&transaction_id=" + TestUsers.newPlayerId());

        String metrics = scrape();

        assertThat(metrics).containsPattern("(?m)^http_server_requests_seconds_count\\{.*uri=\"/postback/\\{network}\"");
        // Timing each of Spring Security's filters on every request took a fifth of the CPU under postback load.
        assertThat(metrics).doesNotContainPattern("(?m)^spring_security_");
    }

    @Test
    void theOutboxAndTelegramSeriesAreThere() {
        linkedPlayer("en");
        await().atMost(Duration.ofSeconds(15)).until(() -> scrape().contains("postback_bridge_telegram_sends_total"));
        String metrics = scrape();

        assertThat(value(metrics, "postback_bridge_outbox_messages{status=\"pending\"}")).isNotNegative();
        assertThat(value(metrics, "postback_bridge_outbox_messages{status=\"dead\"}")).isNotNegative();
        assertThat(value(metrics, "postback_bridge_outbox_oldest_pending_age_seconds")).isNotNegative();
        assertThat(metrics).contains("postback_bridge_telegram_sends_total{code=\"none\",outcome=\"dry_run\"}");
    }

    private String scrape() {
        Http.Response response = http.get("/actuator/prometheus", "Authorization", AUTH);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static String series(String event, String status) {
        return "postback_bridge_postbacks_total{event=\"" + event + "\",network=\"1win\",status=\"" + status + "\"}";
    }

    private static double delta(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    /** The sample's value, 0 when the series does not exist yet. */
    private static double value(String metrics, String series) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
