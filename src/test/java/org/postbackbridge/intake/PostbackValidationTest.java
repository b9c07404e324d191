package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PostbackValidationTest extends PostbackTestBase {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "event=deposit&amount=10                          | missing_player_id    | user_id",
            "user_id=1&amount=10                              | missing_event        | event",
            "event=bet&user_id=1                              | unknown_event        | event",
            "event=deposit&user_id=1                          | missing_amount       | amount",
            "event=deposit&user_id=1&amount=-5                | invalid_amount       | amount",
            "event=deposit&user_id=1&amount=NaN               | invalid_amount       | amount",
            "event=deposit&user_id=1&amount=Infinity          | invalid_amount       | amount",
            "event=deposit&user_id=1&amount=1e5               | invalid_amount       | amount",
            "event=deposit&user_id=1&amount=10,5              | invalid_amount       | amount",
            "event=deposit&user_id=1&amount=9999999999999999999 | invalid_amount     | amount",
            "event=deposit&user_id=1&amount=%7Bamount%7D      | unsubstituted_macro  | amount",
            "event=registration&user_id=%7Buser_id%7D         | unsubstituted_macro  | user_id",
            "event=deposit&user_id=1&amount=5&amount=6        | repeated_parameter   | amount",
            "event=registration&user_id=1&sub1=%01x           | invalid_characters   | sub1",
            "event=registration&user_id=a%20b                 | invalid_player_id    | user_id",
            "event=deposit&user_id=1&amount=5&currency=%24%24 | invalid_currency     | currency",
    })
    void badPostbackIsRefusedWithTheProblemNamedAndChangesNothing(String query, String error, String parameter) {
        long processedBefore = countWhere("status <> 'rejected'");
        long rejectedBefore = countWhere("status = 'rejected'");

        Http.Response response = postback(query);

        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("parameter").asString()).isEqualTo(parameter);
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(countWhere("status <> 'rejected'")).isEqualTo(processedBefore);
        assertThat(countWhere("status = 'rejected'")).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void overLongValueIsRefused() {
        Http.Response response = postback("event=registration&user_id=1&sub2=" + "x".repeat(300));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo("value_too_long");
        assertThat(response.json().get("parameter").asString()).isEqualTo("sub2");
    }

    @Test
    void brokenPercentEncodingOrUtf8IsRefusedAsJson() {
        for (String query : new String[] {"event=registration&user_id=%ZZ", "event=registration&user_id=%FF%FE"}) {
            Http.Response response = http.raw("GET /postback/1win?" + query + " HTTP/1.0\r\nHost: t\r\n\r\n");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("error").asString()).isEqualTo("invalid_encoding");
        }
    }

    @Test
    void requestsTomcatRefusesItselfStillGetJson() {
        Http.Response overLong = http.get("/postback/1win?event=registration&user_id=" + "9".repeat(20_000));
        Http.Response badHeader = http.raw("GET /postback/1win HTTP/1.0\r\nHost: t\r\nBad\u0001Header: x\r\n\r\n");

        assertThat(overLong.status()).isEqualTo(400);
        assertThat(overLong.json().get("success").asBoolean()).isFalse();
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(badHeader.json().get("error").asString()).isEqualTo("bad_request");
    }

    @Test
    void rejectedPostbackIsRecordedWithItsReason() {
        postback("event=deposit&user_id=reason-check&amount=-1");

        String reason = jdbc.sql("SELECT reason FROM postbacks WHERE status = 'rejected' AND params LIKE '%reason-check%'")
                .query(String.class).single();
        assertThat(reason).startsWith("invalid_amount:");
    }

    @Test
    void unknownNetworkIsNotFound() {
        Http.Response response = http.post("/postback/nosuchnet?event=registration&user_id=1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asString()).isEqualTo("unknown_network");
    }

    @Test
    void malformedJsonBodyIsRefused() {
        Http.Response response = http.postBody("/postback/1win", "application/json", "{\"event\": [1,2]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo("invalid_body");
    }

    private long countWhere(String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE " + condition).query(Long.class).single();
    }
}
