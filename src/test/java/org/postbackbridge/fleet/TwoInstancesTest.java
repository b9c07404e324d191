package org.postbackbridge.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.attribution.ClickTokens;
import org.postbackbridge.outbox.DispatchLeadership;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two service instances on one PostgreSQL and one Telegram, as a fleet behind a load balancer runs. */
@Tag("integration")
class TwoInstancesTest {

    static final Duration DELIVERY = Duration.ofSeconds(60);

    FakeBotApi telegram;
    ServiceInstance first;
    ServiceInstance second;

    @BeforeEach
    void startFleet() {
        assumeThat(TestDatabase.isPostgres()).as("a fleet shares PostgreSQL").isTrue();
        String database = TestDatabase.freshUrl();
        telegram = new FakeBotApi();
        Map<String, String> properties = new java.util.HashMap<>(ServiceInstance.telegram(telegram));
        properties.put("postback-bridge.notify.admin-chat-ids", "");
        first = ServiceInstance.start(database, properties);
        second = ServiceInstance.start(database, properties);
    }

    @AfterEach
    void stopFleet() {
        for (AutoCloseable resource : new AutoCloseable[] {first, second, telegram}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theSamePostbackSentToBothInstancesAtOnceIsAppliedOnce() throws Exception {
        List<String> players = linkPlayers(10);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<List<String>> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String query = "event=deposit&user_id=" + players.get(i % players.size()) + "&amount=" + (100 + i)
                    + "&transaction_id=fleet-" + i;
            CyclicBarrier together = new CyclicBarrier(2);
            Future<String> viaFirst = pool.submit(() -> postTogether(first.http(), query, together));
            Future<String> viaSecond = pool.submit(() -> postTogether(second.http(), query, together));
            statuses.add(List.of(viaFirst.get(), viaSecond.get()));
        }

        assertThat(statuses).allSatisfy(pair -> assertThat(pair).containsExactlyInAnyOrder("processed", "duplicate"));
        JdbcClient jdbc = first.bean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE transaction_id LIKE 'fleet-%' AND status = 'processed'")
                .query(Long.class).single()).isEqualTo(40);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE kind = 'deposit'").query(Long.class).single()).isEqualTo(40);
    }

    @Test
    void whenTheDispatchingInstanceStopsTheOtherTakesOverAndEveryMessageArrivesOnce() throws Exception {
        ServiceInstance leader = first.bean(DispatchLeadership.class).isLeader() ? first : second;
        ServiceInstance follower = leader == first ? second : first;
        assertThat(follower.bean(DispatchLeadership.class).isLeader()).isFalse();
        List<String> players = linkPlayers(30);

        for (int i = 0; i < 90; i++) {
            if (i == 30) {
                leader.close();
            }
            ServiceInstance target = i >= 30 || i % 2 == 0 ? follower : leader;
            String query = "event=deposit&user_id=" + players.get(i % players.size()) + "&amount=" + (1000 + i)
                    + "&transaction_id=failover-" + i;
            assertThat(target.http().post("/postback/1win?" + query).status()).isEqualTo(200);
        }

        Outbox outbox = follower.bean(Outbox.class);
        await().atMost(DELIVERY).until(() -> outbox.countByStatus(Outbox.PENDING) == 0);
        long queued = follower.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM outbox").query(Long.class).single();
        assertThat(outbox.countByStatus(Outbox.SENT)).isEqualTo(queued);
        assertThat(follower.bean(DispatchLeadership.class).isLeader()).isTrue();
        List<String> delivered = telegram.delivered().stream().map(call -> call.chatId() + ":" + call.text()).toList();
        assertThat(delivered).hasSize((int) queued).doesNotHaveDuplicates();
        assertThat(telegram.rateLimited()).isZero();
    }

    /** Users who pressed /start, each linked to a player by a registration postback, alternating instances. */
    private List<String> linkPlayers(int count) {
        UserRepository users = first.bean(UserRepository.class);
        List<String> players = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BotUser user = users.saveProfile(8_100_000 + i, "fleet" + i, "Fleet " + i, "en", null, ClickTokens.newToken());
            String player = "fleet-player-" + i;
            Http http = (i % 2 == 0 ? first : second).http();
            assertThat(http.post("/postback/1win?event=registration&user_id=" + player + "&sub1=" + user.clickToken())
                    .json().get("status").asString()).isEqualTo("processed");
            players.add(player);
        }
        return players;
    }

    private static String postTogether(Http http, String query, CyclicBarrier together) throws Exception {
        together.await();
        Http.Response response = http.post("/postback/1win?" + query);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("status").asString();
    }
}
