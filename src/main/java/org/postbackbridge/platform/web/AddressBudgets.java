package org.postbackbridge.platform.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per client address (or any key), with time from the injected {@link Clock} so tests
 * move it by hand. Past {@code remembered} keys the least recently used are forgotten: anyone can
 * send from new addresses, and memory must stay bounded.
 */
public final class AddressBudgets {

    private final Bandwidth limit;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    public AddressBudgets(Bandwidth limit, int remembered, Clock clock) {
        this.limit = limit;
        this.time = new ClockTimeMeter(clock);
        this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > remembered;
            }
        });
    }

    /** The key's bucket, full if the key is new. */
    public Bucket of(String key) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit)
                .withCustomTimePrecision(time).build());
    }

    /** The key's bucket if it has one (nothing spent from it yet otherwise). */
    public Optional<Bucket> existing(String key) {
        return Optional.ofNullable(buckets.get(key));
    }
}
