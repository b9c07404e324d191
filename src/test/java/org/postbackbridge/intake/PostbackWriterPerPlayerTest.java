package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;

/**
 * A postback is applied by the group-commit writer of its player (network and player ID), so one
 * player's postbacks are applied one after another in the order received. On PostgreSQL, with
 * several writers, other players' postbacks go on meanwhile; SQLite has one writer for all, so there
 * the test shows only that every postback is applied once the writer is free.
 */
@Tag("integration")
class PostbackWriterPerPlayerTest {

    static ServiceInstance service;
    static ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestDatabase.freshUrl(), Map.of());
    }

    @AfterAll
    static void stop() {
        senders.close();
        service.close();
    }

    @Test
    void aPlayersPostbacksWaitForTheirWriterWhileOtherPlayersGoOn() throws Exception {
        GroupCommit groupCommit = service.bean(GroupCommit.class);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> heldWriter = CompletableFuture.runAsync(() -> groupCommit.execute(
                PostbackHandler.playerKey("1win", "held-player"), () -> {
                    holding.countDown();
                    awaitLatch(release);
                    return null;
                }), senders);
        awaitLatch(holding);

        List<CompletableFuture<Integer>> samePlayer = IntStream.range(0, 8)
                .mapToObj(n -> deposit("held-player", "held-" + n)).toList();
        List<CompletableFuture<Integer>> otherPlayers = IntStream.range(0, 8)
                .mapToObj(n -> deposit("other-player-" + n, "other-" + n)).toList();
        try {
            if (TestDatabase.isPostgres()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> otherPlayers.stream().anyMatch(CompletableFuture::isDone));
                // A player whose writer is free, sent to after the held player's postbacks: once it is applied,
                // any of theirs that had gone to a free writer would have been too.
                int free = IntStream.range(0, otherPlayers.size()).filter(n -> otherPlayers.get(n).isDone()).findFirst().orElseThrow();
                assertThat(deposit("other-player-" + free, "other-again").get()).isEqualTo(200);
                assertThat(samePlayer).as("the held player's postbacks wait for its writer, whatever their transaction")
                        .noneMatch(CompletableFuture::isDone);
            }
        } finally {
            release.countDown();
        }

        heldWriter.get();
        for (CompletableFuture<Integer> postback : concat(samePlayer, otherPlayers)) {
            assertThat(postback.get()).isEqualTo(200);
        }
    }

    private static CompletableFuture<Integer> deposit(String player, String transaction) {
        return CompletableFuture.supplyAsync(() -> service.http().post("/postback/1win?event=deposit&user_id=" + player
                + "&amount=10&transaction_id=" + transaction).status(), senders);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
