package org.postbackbridge.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most {@code maxInFlight} requests at once and answers the next one 503 {@code busy}
 * with {@code Retry-After} straight away, having done nothing with it; a partner program sends it
 * again. A request being served holds about 130 KB of heap (its buffers, its thread's stack), so
 * without a bound a burst the database cannot keep up with fills a small heap. Bounding the
 * connections instead would leave the requests beyond the bound unanswered in the kernel's queue
 * until their senders give up. Health checks are never refused, so an overloaded service is not
 * also restarted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InFlightLimit extends OncePerRequestFilter {

    private final int maxInFlight;
    private final Semaphore permits;
    private final Counter refused;

    InFlightLimit(@Value("${postback-bridge.web.max-in-flight:200}") int maxInFlight, MeterRegistry meters) {
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
        this.refused = Counter.builder("postback_bridge.http.refused_busy")
                .description("Requests answered 503 because as many were being served already").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/postback/health") || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            // Not logged: a burst would write a line per request; the counter tells.
            refused.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            ApiError.of("busy", maxInFlight + " requests are being served already; nothing was done with this one, "
                    + "retry in a second", null).send(response, HttpStatus.SERVICE_UNAVAILABLE);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
