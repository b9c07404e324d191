package org.postbackbridge.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A webhook endpoint on 127.0.0.1 for tests: writes down every request it gets and answers with the
 * status {@code answers} gives for the n-th request (0-based). It can go down and come back on the
 * same port, as a receiver being redeployed would.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received; header names in lower case. */
    public record Received(String path, Map<String, String> headers, String body, int answeredWith) {

        public String id() {
            return headers.get("webhook-id");
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile IntUnaryOperator answers = n -> 204;
    private volatile int port;
    private HttpServer server;

    public WebhookReceiver() {
        start(0);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    /** How many requests have come in, including any still waiting for their answer. */
    public int arrivals() {
        return arrivals.get();
    }

    /** Every request answered so far, including those answered with a failure, in the order answered. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests it answered 2xx. */
    public List<Received> accepted() {
        return received.stream().filter(request -> request.answeredWith() / 100 == 2).toList();
    }

    public void answer(IntUnaryOperator statusForRequestNumber) {
        this.answers = statusForRequestNumber;
    }

    /** Stops listening: connections are refused until {@link #comeBack()}. */
    public synchronized void goDown() {
        server.stop(0);
    }

    public synchronized void comeBack() {
        start(port);
    }

    private synchronized void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        // The answer may take its time (a test holding a request open), so it is computed outside any lock.
        int status = answers.applyAsInt(arrivals.getAndIncrement());
        received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(headers), body, status));
        if (status / 100 == 3) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/elsewhere");
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
