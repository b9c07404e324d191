package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.HostilePostbacks;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Malformed and hostile postbacks are all refused with a JSON 4xx, none is a 5xx, none
 * changes any state, and the service keeps answering; forged, replayed and guessed postbacks on
 * an authenticated network unlock nothing.
 */
@IntegrationTest
class HostileInputTest extends PostbackTestBase {

    static final int CORPUS_SIZE = 10_000;
    /** As many partner programs sending at once: the corpus takes a fraction of the time, each request checked alike. */
    static final int SENDERS = 4;

    @Autowired
    JdbcClient jdbc;

    @Test
    void tenThousandHostilePostbacksAreAllRefusedAndChangeNothing() throws Exception {
        Map<String, Long> before = businessState();
        Map<String, Integer> statusCounts = new TreeMap<>();
        Map<String, String> unexpected = new LinkedHashMap<>();

        List<HostilePostbacks.Hostile> corpus = HostilePostbacks.generate(CORPUS_SIZE, 20261124L);
        List<Future<Http.Response>> answers;
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            answers = senders.invokeAll(corpus.stream()
                    .map(hostile -> (Callable<Http.Response>) () -> http.raw(hostile.request())).toList());
        }
        for (int i = 0; i < corpus.size(); i++) {
            HostilePostbacks.Hostile hostile = corpus.get(i);
            Http.Response response = answers.get(i).get();
            statusCounts.merge(hostile.kind() + " " + response.status(), 1, Integer::sum);
            if (response.status() < 400 || response.status() >= 500 || !isJsonError(response)) {
                unexpected.putIfAbsent(hostile.kind() + " -> " + response.status(),
                        abbreviate(hostile.request()) + " => " + abbreviate(response.body()));
            }
        }

        System.out.println("Hostile corpus, responses by kind and status: " + statusCounts);
        assertThat(unexpected).as("requests not refused with a JSON 4xx").isEmpty();
        assertThat(businessState()).isEqualTo(before);
        assertThat(http.get("/postback/health").status()).isEqualTo(200);
        assertThat(postback("event=registration&user_id=" + TestUsers.newPlayerId()).status()).isEqualTo(200);
    }

    @Test
    void forgedReplayedAndGuessedPostbacksUnlockNothing() {
        BotUser victim = TestUsers.started(users, "ru");
        String player = TestUsers.newPlayerId();
        Map<String, String> registration = Map.of("event", "registration", "user_id", player,
                "sub1", victim.clickToken(), "token", "guard-token-5150");
        Http.Response genuine = http.post("/postback/guarded?" + signed(registration, "guard-key-5150"));
        assertThat(genuine.json().get("status").asString()).isEqualTo("processed");
        Map<String, String> deposit = Map.of("event", "deposit", "user_id", player, "amount", "100",
                "transaction_id", "g-" + player, "token", "guard-token-5150");

        List<Http.Response> attacks = List.of(
                http.post("/postback/guarded?" + query(deposit)),
                http.post("/postback/guarded?" + signed(deposit, "guessed-key")),
                http.post("/postback/guarded?" + signed(Map.of("event", "deposit", "user_id", player, "amount", "100",
                        "transaction_id", "g2-" + player, "token", "guard-token-0000"), "guard-key-5150")),
                http.post("/postback/guarded?" + signed(Map.of("event", "deposit", "user_id", player, "amount", "100",
                        "transaction_id", "g3-" + player), "guard-key-5150")));

        assertThat(attacks).extracting(Http.Response::status).containsOnly(401);
        assertThat(reload(victim).signalsUnlocked()).isFalse();

        Http.Response paid = http.post("/postback/guarded?" + signed(deposit, "guard-key-5150"));
        Http.Response replayed = http.post("/postback/guarded?" + signed(deposit, "guard-key-5150"));
        assertThat(paid.json().get("status").asString()).isEqualTo("processed");
        assertThat(replayed.json().get("status").asString()).isEqualTo("duplicate");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM events WHERE telegram_id = ? AND type = 'casino_deposit'")
                .param(victim.telegramId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void guessedClickTokensLinkNobody() {
        BotUser user = TestUsers.started(users, "ru");
        List<String> guesses = List.of(String.valueOf(user.telegramId()), String.valueOf(user.telegramId() + 1),
                "1", "2", "100000", "0", "-1", user.clickToken().substring(1), user.clickToken().toUpperCase(),
                "AAAAAAAAAAAAAAAAAAAAAA");

        for (String guess : guesses) {
            String player = TestUsers.newPlayerId();
            Http.Response response = postback("event=deposit&user_id=" + player + "&amount=1&transaction_id=t-" + player
                    + "&sub1=" + guess);
            assertThat(response.json().get("status").asString()).as("sub1=" + guess).isEqualTo("unmatched");
        }
        assertThat(reload(user).signalsUnlocked()).isFalse();
        assertThat(messageKinds(user)).isEmpty();
    }

    private Map<String, Long> businessState() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("users", "players", "events", "outbox")) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        counts.put("postbacks not rejected",
                jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE status <> 'rejected'").query(Long.class).single());
        return counts;
    }

    private static boolean isJsonError(Http.Response response) {
        try {
            JsonNode body = response.json();
            return !body.get("success").asBoolean() && !body.get("error").asString().isBlank()
                    && !body.get("message").asString().isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return query.toString();
    }

    private static String signed(Map<String, String> params, String key) {
        return query(params) + "&signature=" + PostbackSignature.sign(params, "signature", key);
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
