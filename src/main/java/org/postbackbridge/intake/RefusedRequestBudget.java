package org.postbackbridge.intake;

import io.github.bucket4j.Bandwidth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.postbackbridge.platform.web.AddressBudgets;
import org.postbackbridge.platform.web.ClientSource;
import org.springframework.stereotype.Component;

/**
 * How many refused requests without credentials one source may have recorded: anyone on the
 * internet can send them, and each recorded one takes disk. Past 60 a minute (by default) from
 * one address (one /64 for IPv6, which a single host usually has whole) they are only counted, in
 * {@code postback_bridge_postbacks_unrecorded_total}. Per instance.
 */
@Component
public class RefusedRequestBudget {

    /** Past this many sources the least recently seen are forgotten, so memory stays bounded. */
    private static final int SOURCES_REMEMBERED = 10_000;

    private final AddressBudgets budgets;
    private final Counter unrecorded;

    RefusedRequestBudget(PostbackProperties properties, Clock clock, MeterRegistry meters) {
        int perMinute = properties.refusedPerMinute();
        this.budgets = new AddressBudgets(Bandwidth.builder().capacity(perMinute)
                .refillIntervally(perMinute, Duration.ofMinutes(1)).build(), SOURCES_REMEMBERED, clock);
        this.unrecorded = Counter.builder("postback_bridge.postbacks.unrecorded")
                .description("Refused requests without credentials not recorded: their source sent too many")
                .register(meters);
    }

    /** True if a refused request from {@code sourceAddress} may be recorded now; false counts it instead. */
    public boolean tryRecord(String sourceAddress) {
        if (budgets.of(ClientSource.of(sourceAddress)).tryConsume(1)) {
            return true;
        }
        unrecorded.increment();
        return false;
    }
}
