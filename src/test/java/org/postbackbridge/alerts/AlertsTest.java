package org.postbackbridge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each alert fires on its condition, at most once an hour. Each test runs a service of its own, so
 * "no postback for hours" and the counts see only what the test made. Time passes on the service's
 * clock, moved by the test.
 */
@Tag("integration")
class AlertsTest {

    static final long OPERATOR_CHAT = 9000001; // application-test.yml's ADMIN_CHAT_IDS

    ServiceInstance service;
    JdbcClient jdbc;
    AlertMonitor monitor;
    MovableClock clock;

    void start(Map<String, String> properties) {
        service = ServiceInstance.start(TestDatabase.freshUrl(), properties, MovableClock.Config.class);
        jdbc = service.bean(JdbcClient.class);
        monitor = service.bean(AlertMonitor.class);
        clock = service.bean(MovableClock.class);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void deadMessagesAreReportedOnceAnHourCountingOnlyNewOnes() {
        start(Map.of());
        killMessage("first");
        monitor.check();
        killMessage("second");
        monitor.check();

        assertThat(alertTexts("alert_dead_messages")).containsExactly(deadText(1));

        anHourPasses();
        killMessage("third");
        monitor.check();

        assertThat(alertTexts("alert_dead_messages")).containsExactly(deadText(1), deadText(2));
    }

    @Test
    void processingErrorsAreReportedWithTheirCount() {
        start(Map.of());
        MeterRegistry meters = service.bean(MeterRegistry.class);
        monitor.check();
        assertThat(alertTexts("alert_processing_errors")).isEmpty();

        meters.counter("postback_bridge.postbacks", "network", "1win", "event", "none", "status", "error").increment(3);
        monitor.check();
        meters.counter("postback_bridge.postbacks", "network", "1win", "event", "none", "status", "error").increment();
        monitor.check();
        anHourPasses();
        monitor.check();

        assertThat(alertTexts("alert_processing_errors")).hasSize(2);
        assertThat(alertTexts("alert_processing_errors").get(0)).startsWith("⚠️ 3 ");
        assertThat(alertTexts("alert_processing_errors").get(1)).startsWith("⚠️ 1 ");
    }

    @Test
    void silenceLongerThanTheLimitIsReported() {
        start(Map.of("postback-bridge.alerts.no-postback-hours", "6"));
        service.http().post("/postback/1win?event=registration&user_id=quiet-1");
        monitor.check();
        assertThat(alertTexts("alert_no_postbacks")).isEmpty();

        clock.advance(Duration.ofHours(7));
        monitor.check();

        assertThat(alertTexts("alert_no_postbacks")).singleElement().asString().contains(" 7 ");
    }

    @Test
    void silenceAlertCanBeSwitchedOff() {
        start(Map.of("postback-bridge.alerts.no-postback-hours", "0"));
        service.http().post("/postback/1win?event=registration&user_id=quiet-2");
        clock.advance(Duration.ofDays(30));
        monitor.check();

        assertThat(alertTexts("alert_no_postbacks")).isEmpty();
    }

    @Test
    void aWeekOfRegistrationsWithoutDepositsIsReportedAboveTheRatio() {
        start(Map.of("postback-bridge.alerts.undeposited-ratio", "0.75",
                "postback-bridge.alerts.undeposited-minimum", "4"));
        UserRepository users = service.bean(UserRepository.class);
        String twoDaysAgo = daysAgo(2);
        for (int i = 0; i < 4; i++) {
            BotUser user = TestUsers.started(users, "en");
            String player = TestUsers.newPlayerId();
            service.http().post("/postback/1win?event=registration&user_id=" + player + "&sub1=" + user.clickToken()
                    + "&date=" + twoDaysAgo);
            if (i == 0) {
                service.http().post("/postback/1win?event=first_deposit&user_id=" + player + "&amount=10");
            }
        }
        BotUser recent = TestUsers.started(users, "en");
        service.http().post("/postback/1win?event=registration&user_id=" + TestUsers.newPlayerId() + "&sub1="
                + recent.clickToken());

        monitor.check();

        // 3 of the 4 registrations older than a day have no deposit: 75%; today's does not count yet.
        assertThat(alertTexts("alert_undeposited_registrations")).singleElement().asString()
                .contains("3 ", " 4 ", "75%");
    }

    @Test
    void aRatioBelowTheThresholdSaysNothing() {
        start(Map.of("postback-bridge.alerts.undeposited-ratio", "0.9",
                "postback-bridge.alerts.undeposited-minimum", "1"));
        UserRepository users = service.bean(UserRepository.class);
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();
        service.http().post("/postback/1win?event=registration&user_id=" + player + "&sub1=" + user.clickToken()
                + "&date=" + daysAgo(2));
        service.http().post("/postback/1win?event=first_deposit&user_id=" + player + "&amount=10");

        monitor.check();

        assertThat(alertTexts("alert_undeposited_registrations")).isEmpty();
    }

    /**
     * A message dies a millisecond after anything queued before: the outbox keeps milliseconds, and
     * a message that died in the very millisecond an alert was queued counts as before it.
     */
    private void killMessage(String text) {
        Outbox outbox = service.bean(Outbox.class);
        outbox.enqueue(4242, "deposit", text, null, "dead-" + text);
        clock.advance(Duration.ofMillis(1));
        jdbc.sql("UPDATE outbox SET status = 'dead', sent_at = ? WHERE dedupe_key = ?")
                .param(clock.millis()).param("dead-" + text).update();
        clock.advance(Duration.ofMillis(1));
    }

    private void anHourPasses() {
        clock.advance(Duration.ofMinutes(61));
    }

    private List<String> alertTexts(String kind) {
        return service.bean(Outbox.class).forChat(OPERATOR_CHAT).stream()
                .filter(message -> message.kind().equals(kind))
                .map(OutboxMessage::text)
                .toList();
    }

    private String daysAgo(int days) {
        return clock.instant().minus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String deadText(int count) {
        return "⚠️ " + count + " сообщени(й) не удалось доставить. Их можно отправить снова в консоли: /admin/outbox.";
    }
}
