package org.postbackbridge.integration.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postbackbridge.integration.ApiClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import tools.jackson.databind.JsonNode;

/** The events feed tells every applied effect once, in order, page after page. */
@IntegrationTest
class EventsFeedTest extends PostbackTestBase {

    @Test
    void aScriptedSessionReadsBackAsItsEffectsInOrderOnePageAtATime() {
        ApiClient bot = new ApiClient(port, Http.ADMIN_TOKEN);
        String end = latestCursor(bot);
        long user = newId();
        String token = bot.put("/api/v1/users/" + user, "{}").json().get("click_token").asString();
        String player = String.valueOf(newId());
        long claimer = newId();
        bot.put("/api/v1/users/" + claimer, "{}");
        String claimed = String.valueOf(newId());

        postback("event=registration&user_id=" + player + "&sub1=" + token);
        postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=f" + player);
        postback("event=deposit&user_id=" + player + "&amount=20&currency=USD&transaction_id=d" + player);
        postback("event=withdrawal&user_id=" + player + "&amount=5&currency=USD&transaction_id=w" + player);
        postback("event=win&user_id=" + player + "&amount=7&currency=USD&transaction_id=x" + player);
        postback("event=registration&user_id=" + claimed);
        bot.post("/api/v1/users/" + claimer + "/claims", "{\"player_id\":\"" + claimed + "\"}");

        List<JsonNode> read = new ArrayList<>();
        String cursor = end;
        for (int page = 0; page < 20; page++) {
            JsonNode answer = bot.get("/api/v1/events?limit=1&after=" + cursor).json();
            answer.get("events").forEach(read::add);
            cursor = answer.get("next_cursor").asString();
        }

        assertThat(read).extracting(event -> event.get("type").asString() + ":" + event.get("telegram_id").asLong())
                .containsExactly("registration:" + user, "first_deposit:" + user, "access_unlocked:" + user,
                        "deposit:" + user, "withdrawal:" + user, "win:" + user,
                        // The claim is decided, links the player, then applies the registration that waited for it.
                        "claim_decided:" + claimer, "player_linked:" + claimer, "registration:" + claimer);
        assertThat(read.get(3).get("details").get("amount").decimalValue()).isEqualByComparingTo("20");
        assertThat(read).extracting(event -> event.get("id").asString()).doesNotHaveDuplicates();
        // Nothing new: the same cursor comes back, and reading again from the start gives the same events.
        assertThat(bot.get("/api/v1/events?after=" + cursor).json().get("next_cursor").asString()).isEqualTo(cursor);
        assertThat(readAll(bot, end)).isEqualTo(read);
    }

    @Test
    void aCursorTheFeedDidNotGiveOrABadLimitIsRefused() {
        ApiClient bot = new ApiClient(port, Http.ADMIN_TOKEN);

        Http.Response badCursor = bot.get("/api/v1/events?after=12345");
        Http.Response badLimit = bot.get("/api/v1/events?limit=0");

        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("error").asString()).isEqualTo("invalid_cursor");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("parameter").asString()).isEqualTo("limit");
    }

    /** Every event after {@code cursor}, read to the end. */
    static List<JsonNode> readAll(ApiClient api, String cursor) {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode page = api.get("/api/v1/events?limit=1000&after=" + cursor).json();
            page.get("events").forEach(events::add);
            if (page.get("events").isEmpty()) {
                return events;
            }
            cursor = page.get("next_cursor").asString();
        }
    }

    private static String latestCursor(ApiClient api) {
        String cursor = "";
        while (true) {
            JsonNode page = api.get("/api/v1/events?limit=1000&after=" + cursor).json();
            if (page.get("events").isEmpty()) {
                return page.get("next_cursor").asString();
            }
            cursor = page.get("next_cursor").asString();
        }
    }

    private static long newId() {
        return Long.parseLong(TestUsers.newPlayerId().substring(1));
    }
}
