package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every request leaves a trace in the postback log, and no request leaves more than a few
 * kilobytes: duplicates are counted on their original, requests for unknown networks and refused
 * ones are recorded with what they named, values and rows are cut with a mark, refused rows go
 * after their retention, and identical postbacks without a transaction ID are one only within the
 * dedupe window.
 */
@IntegrationTest
class RequestLogTest extends PostbackTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PostbackHandler handler;
    @Autowired
    PostbackProperties properties;
    @Autowired
    PostbackParser parser;
    @Autowired
    RejectedPruner pruner;

    @Test
    void aDuplicateIsCountedOnTheOriginalRow() {
        String player = TestUsers.newPlayerId();
        String query = "event=deposit&user_id=" + player + "&amount=10&transaction_id=d-" + player;

        postback(query);
        Http.Response second = postback(query);
        Http.Response third = postback(query);

        assertThat(second.json().get("status").asString()).isEqualTo("duplicate");
        assertThat(third.json().get("status").asString()).isEqualTo("duplicate");
        Map<String, Object> row = jdbc.sql("SELECT COUNT(*) AS n, MAX(seen_count) AS seen, MAX(last_seen_at) AS last"
                        + " FROM postbacks WHERE player_id = ?").param(player).query().singleRow();
        assertThat(((Number) row.get("n")).longValue()).isEqualTo(1);
        assertThat(((Number) row.get("seen")).longValue()).isEqualTo(3);
        assertThat(row.get("last")).isNotNull();
    }

    @Test
    void aRequestForAnUnknownNetworkIsRecordedAsRejectedWithSecretsMasked() {
        String player = TestUsers.newPlayerId();

        Http.Response response = http.post("/postback/1vin?event=registration&user_id=" + player + "&token=real-secret");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asString()).isEqualTo("unknown_network");
        String row = jdbc.sql("SELECT network || ' ' || status || ' ' || event || ' ' || reason || ' ' || params"
                + " FROM postbacks WHERE player_id = ?").param(player).query(String.class).single();
        assertThat(row).startsWith("1vin rejected registration unknown_network").doesNotContain("real-secret");
    }

    @Test
    void aRefusedRowKeepsTheEventAndPlayerItNamed() {
        String player = TestUsers.newPlayerId();

        postback("event=ftd&user_id=" + player + "&amount=1e10000000");

        assertThat(jdbc.sql("SELECT event || ' ' || reason FROM postbacks WHERE player_id = ? AND status = 'rejected'")
                .param(player).query(String.class).single()).startsWith("first_deposit invalid_amount:");
    }

    @Test
    void storedValuesAndRowsAreBoundedWithAVisibleMark() {
        String player = TestUsers.newPlayerId();
        StringBuilder query = new StringBuilder("event=registration&user_id=" + player + "&sub2=" + "x".repeat(2000));
        for (int i = 0; i < 40; i++) {
            query.append("&p").append(i).append('=').append("y".repeat(250));
        }

        Http.Response response = http.postBody("/postback/1win", "application/x-www-form-urlencoded", query.toString());

        assertThat(response.status()).isEqualTo(400);
        String params = jdbc.sql("SELECT params FROM postbacks WHERE player_id = ?").param(player).query(String.class).single();
        assertThat(params.length()).isLessThan(9 * 1024);
        assertThat(params).contains("…[truncated, 2000 characters]").contains("more parameters]")
                .doesNotContain("x".repeat(StoredParameters.MAX_VALUE));
        ConsoleClient console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
        assertThat(console.get("/admin/postbacks?player=" + player).body()).contains("class=\"bad truncated\"");
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnreadAndRecordedWithoutIt() {
        long before = jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE reason LIKE 'body_too_large%'").query(Long.class).single();

        Http.Response response = http.postBody("/postback/1win", "application/x-www-form-urlencoded",
                "event=registration&user_id=1&sub2=" + "z".repeat(1024 * 1024));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("error").asString()).isEqualTo("body_too_large");
        assertThat(jdbc.sql("SELECT MAX(LENGTH(params)) FROM postbacks WHERE reason LIKE 'body_too_large%'")
                .query(Long.class).single()).isLessThan(100);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE reason LIKE 'body_too_large%'").query(Long.class).single())
                .isEqualTo(before + 1);
    }

    @Test
    void refusedRowsArePrunedAfterTheirRetentionAndNothingElseIs() {
        String old = TestUsers.newPlayerId();
        String fresh = TestUsers.newPlayerId();
        postback("event=deposit&user_id=" + old + "&amount=bad");
        postback("event=deposit&user_id=" + old + "&amount=7&transaction_id=p-" + old);
        postback("event=deposit&user_id=" + fresh + "&amount=bad");
        long longAgo = Instant.now().minus(properties.rejectedRetention()).minus(Duration.ofHours(1)).toEpochMilli();
        jdbc.sql("UPDATE postbacks SET received_at = ? WHERE player_id = ?").param(longAgo).param(old).update();

        pruner.prune();

        assertThat(statuses(old)).containsExactly("unmatched");
        assertThat(statuses(fresh)).containsExactly("rejected");
    }

    @Test
    void identicalPostbacksWithoutTransactionIdAreOneOnlyWithinTheDedupeWindow() {
        String player = TestUsers.newPlayerId();
        Instant first = Instant.parse("2026-12-01T10:59:00Z");
        Duration window = properties.dedupeWindow();

        PostbackOutcome original = handle(player, first);
        PostbackOutcome retry = handle(player, first.plus(Duration.ofMinutes(2)));
        PostbackOutcome lateRetry = handle(player, first.plus(window).minusSeconds(1));
        PostbackOutcome secondDeposit = handle(player, first.plus(window).plusSeconds(1));
        PostbackOutcome weekLater = handle(player, first.plus(Duration.ofDays(7)));

        assertThat(List.of(original, retry, lateRetry, secondDeposit, weekLater)).extracting(PostbackOutcome::status)
                .containsExactly(PostbackStatus.UNMATCHED, PostbackStatus.DUPLICATE, PostbackStatus.DUPLICATE,
                        PostbackStatus.UNMATCHED, PostbackStatus.UNMATCHED);
        assertThat(original.warnings()).extracting(Warning::code).containsExactly("no_transaction_id");
        assertThat(jdbc.sql("SELECT seen_count FROM postbacks WHERE player_id = ? ORDER BY id").param(player)
                .query(Integer.class).list()).containsExactly(3, 1, 1);
    }

    @Test
    void overHttpTheSecondIdenticalDepositWithoutTransactionIdAtOnceIsADuplicateFlaggedInTheAnswer() {
        String query = "event=deposit&user_id=" + TestUsers.newPlayerId() + "&amount=100";

        Http.Response first = postback(query);
        Http.Response second = postback(query);

        assertThat(first.json().get("warnings").get(0).get("code").asString()).isEqualTo("no_transaction_id");
        assertThat(second.json().get("status").asString()).isEqualTo("duplicate");
    }

    private PostbackOutcome handle(String player, Instant receivedAt) {
        ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse("1win",
                properties.networks().get("1win"), Map.of("event", List.of("deposit"), "user_id", List.of(player),
                        "amount", List.of("100")), receivedAt, false);
        return handler.handle(parsed.event(), Map.of("user_id", player), "203.0.113.9", parsed.warnings());
    }

    private List<String> statuses(String player) {
        return jdbc.sql("SELECT status FROM postbacks WHERE player_id = ? ORDER BY id").param(player)
                .query(String.class).list();
    }
}
