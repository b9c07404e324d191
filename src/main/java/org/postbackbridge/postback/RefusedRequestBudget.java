package org.postbackbridge.postback;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many refused requests without credentials one source may have recorded: anyone on the
 * internet can send them, and each recorded one takes disk. Past 60 a minute (by default) from
 * one address (one /64 for IPv6, which a single host usually has whole) they are only counted, in
 * {@code postback_bridge_postbacks_unrecorded_total}. Per instance.
 */
@Component
class RefusedRequestBudget {

    /** Past this many sources the least recently seen are forgotten, so memory stays bounded. */
    private static final int SOURCES_REMEMBERED = 10_000;

    private final int perMinute;
    private final TimeMeter time;
    private final Counter unrecorded;
    private final Map<String, Bucket> sources = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > SOURCES_REMEMBERED;
                }
            });

    RefusedRequestBudget(PostbackProperties properties, Clock clock, MeterRegistry meters) {
        this.perMinute = properties.refusedPerMinute();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.unrecorded = Counter.builder("postback_bridge.postbacks.unrecorded")
                .description("Refused requests without credentials not recorded: their source sent too many")
                .register(meters);
    }

    /** True if a refused request from {@code sourceAddress} may be recorded now; false counts it instead. */
    boolean tryRecord(String sourceAddress) {
        if (sources.computeIfAbsent(source(sourceAddress), key -> newBudget()).tryConsume(1)) {
            return true;
        }
        unrecorded.increment();
        return false;
    }

    /** The address, or for IPv6 its /64: one subscriber's whole allocation counts as one source. */
    static String source(String address) {
        IPAddress ip = new IPAddressString(address).getAddress();
        if (ip == null) {
            return address;
        }
        if (ip.isIPv4Convertible()) {
            return ip.toIPv4().toCanonicalString();
        }
        return ip.isIPv6() ? ip.toPrefixBlock(64).toCanonicalString() : ip.toCanonicalString();
    }

    private Bucket newBudget() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }
}
