package org.postbackbridge.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * One signed POST to an endpoint. Redirects are never followed (a 3xx is a failed attempt: the
 * operator fixes the URL), the whole attempt has a deadline, and at most a few hundred bytes of the
 * answer are read, for the delivery log.
 */
@Component
class WebhookClient {

    /** What came of an attempt: the answer's code, or none (no connection, timeout, refused address). */
    record Attempt(Integer statusCode, long latencyMs, String error) {

        boolean accepted() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private static final int ANSWER_BYTES_KEPT = 200;
    private static final String USER_AGENT = "postback-bridge-webhooks";

    private final EndpointUrlPolicy policy;
    private final WebhookProperties properties;
    private final Clock clock;
    private HttpClient http;

    WebhookClient(EndpointUrlPolicy policy, WebhookProperties properties, Clock clock) {
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The HTTP client, made at the first send: most services never send a webhook, and a client
     * costs a selector thread and, with its TLS context, about 75 ms of a start on two cores.
     */
    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(properties.requestTimeout())
                    .build();
        }
        return http;
    }

    Attempt send(String url, WebhookSigner signer, String messageId, String body) {
        Optional<String> refused = policy.problem(url);
        if (refused.isPresent()) {
            return new Attempt(null, 0, refused.get());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip()))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signer.sign(messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream stream = response.body()) {
                answer = new String(stream.readNBytes(ANSWER_BYTES_KEPT), StandardCharsets.UTF_8).strip();
            }
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null
                    : status >= 300 && status < 400 ? "Redirect to " + response.headers().firstValue("Location").orElse("?")
                    + " not followed: point the endpoint at the final URL." : answer.isEmpty() ? null : answer;
            return new Attempt(status, elapsedMs(started), error);
        } catch (HttpTimeoutException e) {
            return new Attempt(null, elapsedMs(started), "No answer within " + properties.requestTimeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Attempt(null, elapsedMs(started), "Connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, elapsedMs(started), "Interrupted by shutdown");
        }
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
