package org.postbackbridge.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against the service under test: what a partner program or an operator sends. */
public final class Http {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final int port;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.port = port;
    }

    /** A status and the body, parsed as JSON when it is JSON. */
    public record Response(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET(), headers);
    }

    public Response post(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()), headers);
    }

    public Response postBody(String pathAndQuery, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /**
     * Sends raw bytes as the request (for requests no well-behaved client would send, such as a
     * broken percent-encoding) and returns the status line's code and the body. Use HTTP/1.0, so
     * the answer is not chunked.
     */
    public Response raw(String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            return new Response(status, answer.substring(answer.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response asAdmin(String method, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        return send(request, "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static Response send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
