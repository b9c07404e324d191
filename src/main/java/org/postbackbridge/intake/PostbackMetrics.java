package org.postbackbridge.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@code postback_bridge_postbacks_total{network, event, status}} and the processing time
 * histogram {@code postback_bridge_postback_processing_seconds}. Tags only take values from our
 * own configuration and enums, never from the request, so a flood of junk cannot create series.
 */
@Component
public class PostbackMetrics {

    public static final String NONE = "none";

    private final MeterRegistry meters;
    private final Timer processing;

    PostbackMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.processing = Timer.builder("postback_bridge.postback.processing")
                .description("Receiving a postback, from request to answer")
                .publishPercentileHistogram()
                .register(meters);
    }

    public Timer.Sample start() {
        return Timer.start(meters);
    }

    /** {@code network} must be a configured one (or {@link #NONE}), {@code event} a canonical name or none. */
    public void record(Timer.Sample sample, String network, String event, String status) {
        sample.stop(processing);
        meters.counter("postback_bridge.postbacks", "network", network, "event", event, "status", status).increment();
    }
}
