import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 3 delivery benchmark. Runs a fake Telegram Bot API that enforces Telegram's limits (more than
 * 30 messages in any second, or two to one chat less than a second apart, get a 429), then drives the
 * running service with postbacks and measures what reaches the fake:
 *
 * 1. throughput: MESSAGES withdrawal postbacks for the PLAYERS seeded players, posted at once; the
 *    rate at which their messages arrive (first to last) and the number of 429s;
 * 2. latency: SAMPLES single postbacks with the queue empty, each to a chat that has had no message
 *    for over a second; postback sent to sendMessage arrival.
 *
 * java bench/DeliveryBench.java FAKE_PORT SERVICE_URL PLAYERS MESSAGES SAMPLES
 */
public class DeliveryBench {

    static final Pattern CHAT_ID = Pattern.compile("\"chat_id\"\\s*:\\s*\"?(-?\\d+)");

    record Arrival(long chatId, long nanos) {
    }

    static final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
    static final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    static final Map<Long, Long> lastPerChat = new HashMap<>();
    static int refused;
    static long messageIds;

    public static void main(String[] args) throws Exception {
        int fakePort = Integer.parseInt(args[0]);
        String service = args[1];
        int players = Integer.parseInt(args[2]);
        int messages = Integer.parseInt(args[3]);
        int samples = Integer.parseInt(args[4]);

        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", fakePort), 0);
        fake.createContext("/", DeliveryBench::answer);
        fake.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        fake.start();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        for (int p = 0; p < players; p++) {
            post(http, service, "event=registration&user_id=bench-player-" + p + "&sub1=crash-token-" + p);
        }
        awaitArrivals(players, Duration.ofMinutes(2));
        Thread.sleep(1500);

        int before = arrivals.size();
        int refusedBefore = refusedCount();
        for (int i = 0; i < messages; i++) {
            post(http, service, "event=withdrawal&user_id=bench-player-" + (i % players) + "&amount=" + (10 + i)
                    + "&transaction_id=bench-w-" + i);
        }
        awaitArrivals(before + messages, Duration.ofMinutes(5));
        List<Arrival> burst = arrivals.subList(before, before + messages);
        double seconds = (burst.getLast().nanos() - burst.getFirst().nanos()) / 1e9;
        double rate = (messages - 1) / seconds;
        System.out.printf("throughput: %d messages to %d chats in %.1f s = %.1f msg/s (%.0f%% of 30/s), 429s: %d%n",
                messages, players, seconds, rate, rate / 30 * 100, refusedCount() - refusedBefore);
        Thread.sleep(1500);

        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            int player = i % players;
            int expected = arrivals.size() + 1;
            long sent = System.nanoTime();
            post(http, service, "event=withdrawal&user_id=bench-player-" + player + "&amount=" + (5000 + i)
                    + "&transaction_id=bench-l-" + i);
            awaitArrivals(expected, Duration.ofSeconds(30));
            latencies.add((arrivals.get(expected - 1).nanos() - sent) / 1e6);
            Thread.sleep(1100 / Math.max(1, Math.min(players, samples)) + 20);
        }
        Collections.sort(latencies);
        System.out.printf("latency (postback sent -> sendMessage arrived, queue empty, %d samples): p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
                samples, latencies.get(samples / 2), latencies.get(samples * 9 / 10), latencies.getLast());
        System.out.printf("429s in the whole run: %d%n", refusedCount());
        fake.stop(0);
    }

    static void post(HttpClient http, String service, String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/postback/1win?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("postback answered " + response.statusCode() + ": " + response.body());
        }
    }

    static void awaitArrivals(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrivals.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + arrivals.size() + " of " + count + " messages arrived");
            }
            Thread.sleep(2);
        }
    }

    static synchronized int refusedCount() {
        return refused;
    }

    static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().toLowerCase();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String reply;
            int status = 200;
            if (path.endsWith("/sendmessage")) {
                long chat = chatId(body);
                long id = admit(chat);
                if (id < 0) {
                    status = 429;
                    reply = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}";
                } else {
                    reply = "{\"ok\":true,\"result\":{\"message_id\":" + id + ",\"date\":" + System.currentTimeMillis() / 1000
                            + ",\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"ok\"}}";
                }
            } else if (path.endsWith("/getupdates")) {
                reply = "{\"ok\":true,\"result\":[]}";
            } else if (path.endsWith("/getme")) {
                reply = "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}}";
            } else {
                reply = "{\"ok\":true,\"result\":true}";
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    static long chatId(String body) {
        Matcher json = CHAT_ID.matcher(body);
        if (json.find()) {
            return Long.parseLong(json.group(1));
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("chat_id")) {
                return Long.parseLong(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        throw new IllegalArgumentException("no chat_id in " + body);
    }

    /** Telegram's limits on arrival; the new message's ID, or -1 for a 429. */
    static synchronized long admit(long chat) {
        long now = System.nanoTime();
        while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
            lastSecond.pollFirst();
        }
        Long last = lastPerChat.get(chat);
        if (lastSecond.size() >= 30 || (last != null && now - last < 1_000_000_000L)) {
            refused++;
            return -1;
        }
        lastSecond.addLast(now);
        lastPerChat.put(chat, now);
        arrivals.add(new Arrival(chat, now));
        return ++messageIds;
    }
}
