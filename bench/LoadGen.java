import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load for latency: sends deposit postbacks at a fixed rate whatever the answers take,
 * and measures each latency from the moment the request was due (so a stall counts against us;
 * no coordinated omission). Also links the seeded players first.
 *
 * java bench/LoadGen.java link BASE_URL PLAYERS
 * java bench/LoadGen.java rate BASE_URL RATE_PER_S SECONDS PLAYERS RUN_ID
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        String base = args[1];
        if (args[0].equals("link")) {
            int players = Integer.parseInt(args[2]);
            for (int p = 0; p < players; p++) {
                send(client, base + "/postback/1win?event=registration&user_id=crash-player-" + p + "&sub1=crash-token-" + p);
            }
            return;
        }
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int players = Integer.parseInt(args[4]);
        String run = args[5];
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            long due = start + n * periodNanos;
            String uri = base + "/postback/1win?event=deposit&user_id=crash-player-" + (n % players)
                    + "&amount=" + (100 + n % 900) + "&transaction_id=" + run + "-" + n;
            client.sendAsync(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies[n] = System.nanoTime() - due;
                        if (error != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        done.incrementAndGet();
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (done.get() < total) {
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        ticker.shutdownNow();
        Arrays.sort(latencies);
        System.out.printf("fixed-rate: target=%d/s achieved=%.0f/s requests=%d errors=%d p50=%.1fms p99=%.1fms max=%.1fms%n",
                rate, total / elapsed, total, errors.get(), ms(latencies, 0.50), ms(latencies, 0.99),
                latencies[total - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    private static void send(HttpClient client, String uri) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(uri))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " -> " + response.statusCode() + " " + response.body());
        }
    }
}
