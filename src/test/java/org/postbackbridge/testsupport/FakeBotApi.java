package org.postbackbridge.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Telegram Bot API server on loopback for tests: the service reaches it through its real
 * client code by {@code TELEGRAM_API_URL}. It records every call and answers like Telegram;
 * tests change the answer per method with {@link #on}. Like Telegram, it answers 429 to a
 * {@code sendMessage} that breaks the rate limits: more than 30 messages in any second, two
 * messages to one chat less than a second apart, more than 20 a minute to one group. Unless told
 * otherwise it knows the bot as {@code @test_bot} and reaches every chat ({@code getChat}).
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-TOKEN";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One recorded request: the Bot API method (as the client spelled it: Telegram, and this fake,
     * ignore case), its parameters as JSON, and when it came.
     */
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
    private final RateLimits limits;
    private final List<Call> delivered = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();

    public FakeBotApi() {
        this(30);
    }

    /** A fake that allows {@code messagesPerSecond} in all instead of Telegram's 30, for long runs. */
    public FakeBotApi(int messagesPerSecond) {
        this(messagesPerSecond, Duration.ofSeconds(1), 20);
    }

    /**
     * A fake with limits of a test's choosing instead of Telegram's, for a service configured with
     * the same ones: {@code messagesPerSecond} in all, at least {@code perChatInterval} between two
     * messages to one chat, at most {@code groupPerMinute} messages a minute to one group.
     */
    public FakeBotApi(int messagesPerSecond, Duration perChatInterval, int groupPerMinute) {
        limits = new RateLimits(messagesPerSecond, perChatInterval.toNanos(), groupPerMinute);
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
        handlers.put(method.toLowerCase(), handler);
        return this;
    }

    /** Answers the next {@code times} calls of {@code method} with {@code failure}, then with success (a sent message, or true). */
    public FakeBotApi failFirst(String method, int times, Answer failure) {
        AtomicInteger left = new AtomicInteger(times);
        return on(method, call -> left.getAndDecrement() > 0 ? failure
                : "sendMessage".equalsIgnoreCase(method) ? sentMessage(call) : ok(true));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
    }

    /** The {@code sendMessage} calls Telegram would have shown to users, in arrival order. */
    public List<Call> delivered() {
        return List.copyOf(delivered);
    }

    public List<Call> delivered(long chatId) {
        return delivered.stream().filter(call -> call.chatId() == chatId).toList();
    }

    /** How many {@code sendMessage} calls were refused with 429 for breaking the rate limits. */
    public int rateLimited() {
        return limits.refused();
    }

    public void reset() {
        calls.clear();
        handlers.clear();
        delivered.clear();
        limits.clear();
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

    /**
     * What Telegram answers to getChatMember: the user of the call with {@code status}
     * ("member", "left", "administrator"…); an administrator may invite users.
     */
    public static Answer member(Call call, String status) {
        Map<String, Object> member = new HashMap<>(Map.of("status", status,
                "user", Map.of("id", call.params().path("user_id").asLong(), "is_bot", false, "first_name", "Ann")));
        if ("administrator".equals(status)) {
            member.putAll(Map.of("can_be_edited", false, "is_anonymous", false, "can_manage_chat", true,
                    "can_delete_messages", false, "can_manage_video_chats", false, "can_restrict_members", false,
                    "can_promote_members", false, "can_change_info", false, "can_invite_users", true));
        }
        return ok(member);
    }

    /** What Telegram answers to getChat for a chat the bot can reach: a person for a positive ID, else a group. */
    public static Answer chat(Call call) {
        long id = call.params().path("chat_id").asLong();
        return ok(id > 0 ? Map.of("id", id, "type", "private", "first_name", "Operator", "accent_color_id", 0)
                : Map.of("id", id, "type", "supergroup", "title", "Operators", "accent_color_id", 0));
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
            reply(exchange, answer(call));
        }
    }

    /**
     * Queues an update for the bot's next {@code getUpdates}, as Telegram would; {@code update_id}
     * is filled in. Returns the update as sent.
     */
    public ObjectNode pushUpdate(Map<String, ?> update) {
        ObjectNode node = JSON.valueToTree(update);
        synchronized (updates) {
            node.put("update_id", updates.size() + 1);
            updates.add(node);
            updates.notifyAll();
        }
        return node;
    }

    /** Long polling: the updates from {@code offset} on, waiting a little for one if there are none. */
    private Answer updatesFrom(Call call) {
        int offset = Math.max(call.params().path("offset").asInt(0), 1);
        synchronized (updates) {
            long deadline = System.currentTimeMillis() + 300;
            while (updates.size() < offset && System.currentTimeMillis() < deadline) {
                try {
                    updates.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return ok(updates.subList(offset - 1, updates.size()));
        }
    }

    private Answer answer(Call call) {
        Function<Call, Answer> handler = handlers.get(call.method().toLowerCase());
        if (handler == null && "getUpdates".equalsIgnoreCase(call.method())) {
            return updatesFrom(call);
        }
        if (handler == null && "getMe".equalsIgnoreCase(call.method())) {
            return ok(Map.of("id", 123456, "is_bot", true, "first_name", "Test", "username", "test_bot"));
        }
        if (handler == null && "getChat".equalsIgnoreCase(call.method())) {
            return chat(call);
        }
        if (!"sendMessage".equalsIgnoreCase(call.method())) {
            return handler != null ? handler.apply(call) : ok(true);
        }
        if (!limits.admit(call.chatId())) {
            return error(429, "Too Many Requests: retry after 1", Map.of("retry_after", 1));
        }
        Answer answer = handler != null ? handler.apply(call) : sentMessage(call);
        if (answer.status() == 200) {
            delivered.add(call);
        }
        return answer;
    }

    /** Telegram's published limits, checked on arrival (sliding windows, as strict as they read). */
    private static final class RateLimits {

        private static final long SECOND = 1_000_000_000L;
        private static final long MINUTE = 60 * SECOND;

        private final int perSecond;
        private final long perChatNanos;
        private final int groupPerMinute;
        private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
        private final Map<Long, ArrayDeque<Long>> perChat = new HashMap<>();
        private int refused;

        RateLimits(int perSecond, long perChatNanos, int groupPerMinute) {
            this.perSecond = perSecond;
            this.perChatNanos = perChatNanos;
            this.groupPerMinute = groupPerMinute;
        }

        synchronized boolean admit(long chatId) {
            long now = System.nanoTime();
            while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= SECOND) {
                lastSecond.pollFirst();
            }
            ArrayDeque<Long> chat = perChat.computeIfAbsent(chatId, id -> new ArrayDeque<>());
            while (!chat.isEmpty() && now - chat.peekFirst() >= MINUTE) {
                chat.pollFirst();
            }
            boolean chatTooSoon = !chat.isEmpty() && now - chat.peekLast() < perChatNanos;
            boolean groupFull = chatId < 0 && chat.size() >= groupPerMinute;
            if (lastSecond.size() >= perSecond || chatTooSoon || groupFull) {
                refused++;
                return false;
            }
            lastSecond.addLast(now);
            chat.addLast(now);
            return true;
        }

        synchronized int refused() {
            return refused;
        }

        synchronized void clear() {
            lastSecond.clear();
            perChat.clear();
            refused = 0;
        }
    }

    private static JsonNode readParams(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.contains("json") && !body.isBlank()) {
            return JSON.readTree(body);
        }
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            return multipartFields(body, contentType.replaceFirst(".*boundary=", ""));
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

    /** Text fields of a multipart body (TelegramBots sends setWebhook that way). */
    private static ObjectNode multipartFields(String body, String boundary) {
        ObjectNode params = JSON.createObjectNode();
        Matcher field = Pattern
                .compile("name=\"([^\"]+)\"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n(.*?)\r\n--" + Pattern.quote(boundary),
                        Pattern.DOTALL)
                .matcher(body);
        while (field.find()) {
            params.put(field.group(1), field.group(2));
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
