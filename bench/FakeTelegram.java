import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Bot API that takes every message and writes it down, one line per delivery ("epoch-ms TAB chat TAB
 * text", line breaks as \n), so the crash test can count what reached "Telegram" once, twice or never,
 * and when. It outlives the service it serves.
 *
 * java -cp CLASSPATH bench/FakeTelegram.java PORT RECORDS_FILE
 */
public class FakeTelegram {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicLong ids = new AtomicLong();
    static PrintWriter records;

    public static void main(String[] args) throws Exception {
        records = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/", FakeTelegram::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("fake telegram: ready");
    }

    static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().replaceFirst(".*/", "").toLowerCase();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String reply = switch (method) {
                case "sendmessage" -> delivered(JSON.readTree(body));
                case "getupdates" -> "{\"ok\":true,\"result\":[]}";
                case "getme" -> "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Fake\",\"username\":\"fake_bot\"}}";
                default -> "{\"ok\":true,\"result\":true}";
            };
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    static synchronized String delivered(JsonNode message) {
        long chat = message.path("chat_id").asLong();
        records.println(System.currentTimeMillis() + "\t" + chat + "\t" + message.path("text").asString().replace("\n", "\\n"));
        return "{\"ok\":true,\"result\":{\"message_id\":" + ids.incrementAndGet() + ",\"date\":"
                + System.currentTimeMillis() / 1000 + ",\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"ok\"}}";
    }
}
