package org.postbackbridge.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class InFlightLimitTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final InFlightLimit limit = new InFlightLimit(2, meters);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch bothInside = new CountDownLatch(2);
    /** Stands for the rest of the chain: holds its request until released. */
    final FilterChain slowChain = (request, response) -> {
        bothInside.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ((MockHttpServletResponse) response).setStatus(200);
    };

    @Test
    void theRequestBeyondTheLimitIsAnswered503BusyAtOnceAndServedOnceOthersAreDone() throws Exception {
        List<CompletableFuture<MockHttpServletResponse>> served = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // A thread each: the common pool may have a single thread on a small machine.
            served.add(CompletableFuture.supplyAsync(() -> filter("/postback/1win", slowChain),
                    runnable -> Thread.ofVirtual().start(runnable)));
        }
        assertThat(bothInside.await(30, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = filter("/postback/1win", (request, response) -> {
            throw new AssertionError("a refused request must not reach the application");
        });
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("\"error\":\"busy\"")
                .contains("2 requests are being served already; nothing was done with this one, retry in a second");
        assertThat(meters.get("postback_bridge.http.refused_busy").counter().count()).isEqualTo(1);

        MockHttpServletResponse health = filter("/postback/health", (request, response) ->
                ((MockHttpServletResponse) response).setStatus(200));
        assertThat(health.getStatus()).as("health is answered even at the limit").isEqualTo(200);

        release.countDown();
        assertThat(served).allSatisfy(request -> assertThat(request.join().getStatus()).isEqualTo(200));
        MockHttpServletResponse after = filter("/postback/1win", (request, response) ->
                ((MockHttpServletResponse) response).setStatus(200));
        assertThat(after.getStatus()).as("the permits came back").isEqualTo(200);
    }

    private MockHttpServletResponse filter(String path, FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            limit.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
