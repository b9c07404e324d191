package org.postbackbridge.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Telegram Bot API server on loopback for tests: the service reaches it through its real
 * client code by {@code TELEGRAM_API_URL}. It records every call and answers like Telegram;
 * tests change the answer per method with {@link #on}.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-TOKEN";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One recorded request: the Bot API method, its parameters as JSON, and when it came. */
    public record Call(String method, JsonNode params, Instant at) {

        public long chatId() {
            return params.path("chat_id").asLong();
        }

        public String text() {
            return params.path("text").asString();
        }
    }

    /** An answer: HTTP status and the JSON body Telegram would send. */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Call, Answer>> handlers = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong();

    public FakeBotApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The value for {@code TELEGRAM_API_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method} with {@code handler} from now on. */
    public FakeBotApi on(String method, Function<Call, Answer> handler) {
        handlers.put(method, handler);
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    public void reset() {
        calls.clear();
        handlers.clear();
    }

    public static Answer ok(Object result) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", true);
        body.set("result", JSON.valueToTree(result));
        return new Answer(200, body.toString());
    }

    public static Answer error(int status, String description) {
        return error(status, description, Map.of());
    }

    public static Answer error(int status, String description, Map<String, ?> parameters) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", false);
        body.put("error_code", status);
        body.put("description", description);
        if (!parameters.isEmpty()) {
            body.set("parameters", JSON.valueToTree(parameters));
        }
        return new Answer(status, body.toString());
    }

    /** What Telegram answers to sendMessage: the message it created. */
    public Answer sentMessage(Call call) {
        return ok(Map.of(
                "message_id", messageIds.incrementAndGet(),
                "date", Instant.now().getEpochSecond(),
                "chat", Map.of("id", call.chatId(), "type", call.chatId() > 0 ? "private" : "supergroup"),
                "text", call.text()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/bot" + TOKEN + "/")) {
                reply(exchange, error(404, "Not Found"));
                return;
            }
            String method = path.substring(path.lastIndexOf('/') + 1);
            Call call = new Call(method, readParams(exchange), Instant.now());
            calls.add(call);
            Function<Call, Answer> handler = handlers.get(method);
            Answer answer = handler != null ? handler.apply(call)
                    : "sendMessage".equals(method) ? sentMessage(call) : ok(true);
            reply(exchange, answer);
        }
    }

    private static JsonNode readParams(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.contains("json") && !body.isBlank()) {
            return JSON.readTree(body);
        }
        ObjectNode params = JSON.createObjectNode();
        String query = body.isBlank() ? exchange.getRequestURI().getRawQuery() : body;
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
