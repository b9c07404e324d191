import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * Sends deposit postbacks at a fixed rate, each with a unique transaction ID, to the players the
 * checker seeded and LoadGen linked, and writes down every transaction the service acknowledged with a 2xx. The
 * service may be killed meanwhile: failed requests are simply not acknowledged. The summary also gives
 * the outage as the partner program sees it: the longest time, while postbacks were being sent, in
 * which none was acknowledged.
 *
 * java bench/CrashDriver.java BASE_URL RATE_PER_S SECONDS PLAYERS RUN_ID ACKED_FILE
 */
public class CrashDriver {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int players = Integer.parseInt(args[3]);
        String run = args[4];
        Path ackedFile = Path.of(args[5]);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        Queue<String> acked = new ConcurrentLinkedQueue<>();
        Queue<Long> ackedAtNanos = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Random random = new Random(run.hashCode());

        System.out.println("driver: load started");
        long loadStart = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long total = (long) rate * seconds;
        ticker.scheduleAtFixedRate(() -> {
            long n = sent.incrementAndGet();
            if (n > total) {
                return;
            }
            String tx = run + "-" + n;
            int player = random.nextInt(players);
            String query = "event=deposit&user_id=crash-player-" + player + "&amount=" + (1 + n % 500) + "&transaction_id=" + tx;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/postback/1win?" + query))
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.noBody()).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() / 100 == 2) {
                    acked.add(tx);
                    ackedAtNanos.add(System.nanoTime());
                } else if (failed.incrementAndGet() <= 3) {
                    System.out.println("driver: not acknowledged: " + (error != null ? error : "HTTP " + response.statusCode()));
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        Thread.sleep(seconds * 1000L);
        ticker.shutdownNow();
        long loadEnd = System.nanoTime();
        Thread.sleep(22_000); // let requests in flight finish or time out
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(ackedFile))) {
            acked.forEach(out::println);
        }
        System.out.printf("driver summary: sent=%d acknowledged=%d failed=%d longest_without_ack=%.1fs%n",
                Math.min(sent.get(), total), acked.size(), failed.get(), longestGapSeconds(ackedAtNanos, loadStart, loadEnd));
        System.exit(0);
    }

    /** The longest time between two acknowledgements that followed each other, or the load's start or end. */
    static double longestGapSeconds(Queue<Long> ackedAtNanos, long loadStart, long loadEnd) {
        long[] times = LongStream.concat(LongStream.of(loadStart, loadEnd),
                ackedAtNanos.stream().mapToLong(Long::longValue).filter(t -> t < loadEnd)).sorted().toArray();
        long longest = 0;
        for (int i = 1; i < times.length; i++) {
            longest = Math.max(longest, times[i] - times[i - 1]);
        }
        return longest / 1e9;
    }
}
