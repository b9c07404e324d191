package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;

/**
 * SIGTERM while the database cannot be written (a full disk, here an SQLite file locked by another
 * process): the service stops taking requests at once, though a message under way cannot get its
 * result written.
 */
@Tag("integration")
class ShutdownTest {

    @Test
    void theServiceStopsTakingRequestsAtOnceWhileItsWritesFail() throws Exception {
        String database = TestDatabase.freshSqliteUrl();
        CountDownLatch sending = new CountDownLatch(1);
        try (FakeBotApi telegram = new FakeBotApi()) {
            telegram.on("sendMessage", call -> {
                sending.countDown();
                sleep(1_000);
                return telegram.sentMessage(call);
            });
            Map<String, String> properties = new HashMap<>(ServiceInstance.telegram(telegram));
            properties.put("postback-bridge.database.sqlite-busy-timeout-ms", "100");
            // A starting dispatcher holds its first sends for Telegram's longest interval, a group's 3 s at
            // 20 a minute; at 60 a minute that is the per-chat second. This test sends to a person.
            properties.put("postback-bridge.telegram.delivery.group-per-minute", "60");
            ServiceInstance service = ServiceInstance.start(database, properties);
            int port = service.port();
            service.bean(Outbox.class).enqueue(9002, "test", "under way at shutdown", null, null);
            assertThat(sending.await(20, TimeUnit.SECONDS)).as("the message is being sent").isTrue();

            try (AutoCloseable diskFull = TestDatabase.outage(database)) {
                Thread.ofPlatform().daemon().start(service::close);
                long start = System.nanoTime();
                while (accepts(port) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30)) {
                    sleep(20);
                }
                long refusedAfterMillis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("SIGTERM with the database unwritable: new connections refused after "
                        + refusedAfterMillis + " ms");

                assertThat(refusedAfterMillis).as("ms until new connections are refused").isLessThan(2_000);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
