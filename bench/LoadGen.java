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
import java.util.function.IntFunction;

/**
 * Open-loop load for latency: sends deposit postbacks at a fixed rate whatever the answers take,
 * and measures each latency from the moment the request was due (so a stall counts against us;
 * no coordinated omission). Also links the seeded players first.
 *
 * java bench/LoadGen.java link BASE_URL PLAYERS
 * java bench/LoadGen.java rate BASE_URL RATE_PER_S SECONDS PLAYERS RUN_ID [WARM_UP_SECONDS, default 5]
 * java bench/LoadGen.java health-rate BASE_URL RATE_PER_S SECONDS [WARM_UP_SECONDS]   (GET /postback/health)
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
        int warmUpSeconds;
        IntFunction<HttpRequest> warmUpRequests;
        IntFunction<HttpRequest> requests;
        if (args[0].equals("health-rate")) {
            // The same server's trivial endpoint at the same rate: the tail the machine gives any request.
            warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
            HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/postback/health")).timeout(Duration.ofSeconds(30)).build();
            warmUpRequests = requests = n -> health;
        } else {
            int players = Integer.parseInt(args[4]);
            String run = args[5];
            warmUpSeconds = args.length > 6 ? Integer.parseInt(args[6]) : 5;
            warmUpRequests = n -> deposit(base, players, run + "-warm", n);
            requests = n -> deposit(base, players, run, n);
        }
        // The same load, unmeasured, first: this JVM's own JIT and its new connections made the first
        // second of a cold run 100-500 ms slow, which is the load generator starting, not the service.
        long[] warmUp = atFixedRate(client, rate, warmUpSeconds, warmUpRequests);
        long start = System.nanoTime();
        long[] latencies = atFixedRate(client, rate, seconds, requests);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long errors = latencies.length - Arrays.stream(latencies).filter(l -> l >= 0).count();
        long busy = Arrays.stream(latencies).filter(l -> l == BUSY).count();
        double worstSecondP99 = 0;
        for (int second = 0; second < seconds; second++) {
            worstSecondP99 = Math.max(worstSecondP99, ms(sorted(Arrays.copyOfRange(latencies, second * rate, (second + 1) * rate)), 0.99));
        }
        long[] all = sorted(latencies);
        System.out.printf("fixed-rate: target=%d/s achieved=%.0f/s requests=%d errors=%d busy=%d p50=%.1fms p99=%.1fms max=%.1fms"
                        + " worst-second-p99=%.1fms (after %d s warm-up: p99=%.1fms)%n",
                rate, latencies.length / elapsed, latencies.length, errors, busy, ms(all, 0.50), ms(all, 0.99),
                ms(all, 1.0), worstSecondP99, warmUpSeconds, ms(sorted(warmUp), 0.99));
    }

    /** A 503 "busy": the service refused the request at once, to be sent again (counted among the errors too). */
    private static final long BUSY = -2;

    /** Latencies in nanoseconds from each request's due time; BUSY for a 503, -1 for another error or no answer. */
    private static long[] atFixedRate(HttpClient client, int rate, int seconds, IntFunction<HttpRequest> requests)
            throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger done = new AtomicInteger();
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
            client.sendAsync(requests.apply(n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        int status = error == null ? response.statusCode() : -1;
                        latencies[n] = status == 200 ? System.nanoTime() - due : status == 503 ? BUSY : -1;
                        done.incrementAndGet();
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (done.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        return latencies;
    }

    private static HttpRequest deposit(String base, int players, String run, int n) {
        String uri = base + "/postback/1win?event=deposit&user_id=crash-player-" + (n % players)
                + "&amount=" + (100 + n % 900) + "&transaction_id=" + run + "-" + n;
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** The successful latencies, sorted (errors are counted apart and fail the bench). */
    private static long[] sorted(long[] values) {
        return Arrays.stream(values).filter(latency -> latency >= 0).sorted().toArray();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    private static void send(HttpClient client, String uri) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(uri))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " -> " + response.statusCode() + " " + response.body());
        }
    }
}
