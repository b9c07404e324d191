package org.postbackbridge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A POST to {@code /telegram/webhook} declaring a body of any size, streamed from a generator (one
 * reused buffer) while the answer is awaited, as an attacker with a fast link would send it.
 */
public record HostileUpload(int status, long answeredAfterMillis, long bytesSent) {

    public static HostileUpload send(int port, String secret, long bodyBytes) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /telegram/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\nContent-Length: " + bodyBytes + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long headersSent = System.nanoTime();
            AtomicLong sent = new AtomicLong();
            Thread body = Thread.ofPlatform().daemon().start(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    while (sent.get() < bodyBytes) {
                        int n = (int) Math.min(chunk.length, bodyBytes - sent.get());
                        out.write(chunk, 0, n);
                        sent.addAndGet(n);
                    }
                } catch (IOException closedByTheService) {
                    // What a refusal looks like from the sender's side once the service stops reading.
                }
            });
            int status = readStatus(socket.getInputStream());
            long answeredAfter = (System.nanoTime() - headersSent) / 1_000_000;
            socket.close();
            body.join(10_000);
            return new HostileUpload(status, answeredAfter, sent.get());
        }
    }

    private static int readStatus(InputStream in) throws IOException {
        byte[] statusLine = in.readNBytes(12);
        return Integer.parseInt(new String(statusLine, 9, 3, StandardCharsets.ISO_8859_1));
    }
}
