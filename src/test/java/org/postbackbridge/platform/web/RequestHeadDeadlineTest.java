package org.postbackbridge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;

/** A client that trickles its request head a byte at a time is cut off at the deadline; others are served meanwhile. */
@IntegrationTest
class RequestHeadDeadlineTest extends PostbackTestBase {

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
            long giveUp = start + TimeUnit.SECONDS.toNanos(HeadDeadlineProtocol.DEADLINE.toSeconds() + 10);
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
                if (i % 10 == 0) {
                    assertThat(http.get("/postback/health").status()).as("others are served").isEqualTo(200);
                }
                Thread.sleep(400);
            }
            long closedAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            System.out.println("Trickling connection closed after " + closedAfter + " s");

            assertThat(closed).as("the connection was closed").isTrue();
            assertThat(closedAfter).isBetween(HeadDeadlineProtocol.DEADLINE.toSeconds() - 1,
                    HeadDeadlineProtocol.DEADLINE.toSeconds() + 10);
        }
    }
}
