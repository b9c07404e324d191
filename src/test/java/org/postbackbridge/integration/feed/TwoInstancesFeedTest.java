package org.postbackbridge.integration.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.attribution.ClickTokens;
import org.postbackbridge.integration.ApiClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;
import org.postbackbridge.users.BotUser;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one PostgreSQL take deposits at once, so their transactions commit out of id
 * order, while a poller reads the feed from both in turn: it sees every event once, in the feed's order.
 */
@Tag("integration")
class TwoInstancesFeedTest {

    static final int DEPOSITS_PER_INSTANCE = 150;

    ServiceInstance first;
    ServiceInstance second;

    @AfterEach
    void stop() {
        for (ServiceInstance instance : new ServiceInstance[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    /** The race made certain: an event with a lower id commits after the poller read one with a higher id. */
    @Test
    void anEventThatCommitsAfterALaterOneIsStillReadOnce() throws Exception {
        assumeThat(TestDatabase.isPostgres()).as("transactions commit out of id order on PostgreSQL").isTrue();
        first = ServiceInstance.start(TestDatabase.freshUrl(), Map.of("postback-bridge.notify.admin-chat-ids", ""));
        ApiClient poller = new ApiClient(first.port(), Http.ADMIN_TOKEN);
        JdbcClient jdbc = first.bean(JdbcClient.class);
        String cursor = poller.get("/api/v1/events").json().get("next_cursor").asString();

        try (Connection slow = first.bean(DataSource.class).getConnection()) {
            slow.setAutoCommit(false);
            try (Statement insert = slow.createStatement()) {
                insert.executeUpdate("INSERT INTO events (telegram_id, type, details, created_at) "
                        + "VALUES (1, 'casino_win', '{\"transaction_id\":\"slow\"}', 0)");
            }
            jdbc.sql("INSERT INTO events (telegram_id, type, details, created_at) "
                    + "VALUES (2, 'casino_win', '{\"transaction_id\":\"fast\"}', 0)").update();
            JsonNode beforeCommit = poller.get("/api/v1/events?after=" + cursor).json();
            cursor = beforeCommit.get("next_cursor").asString();
            assertThat(beforeCommit.get("events")).extracting(event -> event.get("telegram_id").asLong()).containsExactly(2L);
            slow.commit();
        }
        JsonNode afterCommit = poller.get("/api/v1/events?after=" + cursor).json();

        assertThat(jdbc.sql("SELECT telegram_id FROM events ORDER BY id").query(Long.class).list()).containsExactly(1L, 2L);
        assertThat(afterCommit.get("events")).extracting(event -> event.get("telegram_id").asLong()).containsExactly(1L);
    }

    @Test
    void aPollerOfBothInstancesSeesEveryEventOnceInOrder() throws Exception {
        assumeThat(TestDatabase.isPostgres()).as("a fleet shares PostgreSQL").isTrue();
        String database = TestDatabase.freshUrl();
        first = ServiceInstance.start(database, Map.of("postback-bridge.notify.admin-chat-ids", ""));
        second = ServiceInstance.start(database, Map.of("postback-bridge.notify.admin-chat-ids", ""));
        List<String> players = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BotUser user = first.bean(org.postbackbridge.users.UserRepository.class)
                    .saveProfile(8_200_000 + i, null, null, "en", null, ClickTokens.newToken());
            players.add("feed-player-" + i);
            first.http().post("/postback/1win?event=registration&user_id=feed-player-" + i + "&sub1=" + user.clickToken());
        }
        ApiClient[] pollers = {new ApiClient(first.port(), Http.ADMIN_TOKEN), new ApiClient(second.port(), Http.ADMIN_TOKEN)};

        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        AtomicBoolean posting = new AtomicBoolean(true);
        List<Future<?>> senders = new ArrayList<>();
        for (ServiceInstance instance : List.of(first, second)) {
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                senders.add(pool.submit(() -> {
                    for (int i = offset; i < DEPOSITS_PER_INSTANCE; i += 4) {
                        String query = "event=deposit&amount=1&user_id=" + players.get(i % players.size())
                                + "&transaction_id=feed-" + instance.port() + "-" + i;
                        Http.Response answer = instance.http().post("/postback/1win?" + query);
                        // A busy database may answer 503 (nothing stored): a partner program sends again.
                        while (answer.status() == 503) {
                            answer = instance.http().post("/postback/1win?" + query);
                        }
                        assertThat(answer.json().path("status").asString()).as(answer.body()).isEqualTo("processed");
                    }
                }));
            }
        }
        Future<List<String>> poller = pool.submit(() -> {
            List<String> seen = new ArrayList<>();
            String cursor = "";
            int turn = 0;
            boolean lastRound = false;
            while (true) {
                JsonNode page = pollers[turn++ % 2].get("/api/v1/events?limit=7&after=" + cursor).json();
                page.get("events").forEach(event -> seen.add(event.get("id").asString()));
                cursor = page.get("next_cursor").asString();
                if (page.get("events").isEmpty()) {
                    if (lastRound) {
                        return seen;
                    }
                    lastRound = !posting.get();
                }
            }
        });
        for (Future<?> sender : senders) {
            sender.get();
        }
        posting.set(false);
        List<String> polled = poller.get();

        List<JsonNode> everything = EventsFeedTest.readAll(pollers[1], "");
        assertThat(everything).filteredOn(event -> event.get("type").asString().endsWith("deposit"))
                .extracting(event -> event.get("details").get("transaction_id").asString())
                .hasSize(2 * DEPOSITS_PER_INSTANCE).doesNotHaveDuplicates()
                .allMatch(transaction -> transaction.startsWith("feed-"));
        assertThat(polled).doesNotHaveDuplicates()
                .isEqualTo(everything.stream().map(event -> event.get("id").asString()).toList());
    }
}
