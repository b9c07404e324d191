package org.postbackbridge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.VendorNeutral;
import org.springframework.beans.factory.annotation.Value;

/** A client that trickles its request head a byte at a time is cut off at the deadline; others are served meanwhile. */
@IntegrationTest
@VendorNeutral
class RequestHeadDeadlineTest extends PostbackTestBase {

    /** Shorter in the test profile than in production, so the test waits seconds, not ten. */
    @Value("${postback-bridge.web.request-head-deadline}")
    Duration deadline;

    @Test
    void aTricklingConnectionIsClosedAtTheDeadline() throws Exception {
        byte[] head = ("GET /postback/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(200))
                .getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            boolean closed = false;
            long giveUp = start + TimeUnit.SECONDS.toNanos(deadline.toSeconds() + 10);
            for (int i = 0; i < head.length && !closed && System.nanoTime() < giveUp; i++) {
                try {
                    out.write(head[i]);
                    out.flush();
                    closed = in.read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // Nothing to read: the service is still waiting for the rest of the head.
                } catch (IOException reset) {
                    closed = true;
                }
                if (i % 5 == 0) {
                    assertThat(http.get("/postback/health").status()).as("others are served").isEqualTo(200);
                }
                Thread.sleep(400);
            }
            long closedAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            System.out.println("Trickling connection closed after " + closedAfter + " s");

            assertThat(closed).as("the connection was closed").isTrue();
            assertThat(closedAfter).isBetween(deadline.toSeconds() - 1,
                    deadline.toSeconds() + 10);
        }
    }
}
