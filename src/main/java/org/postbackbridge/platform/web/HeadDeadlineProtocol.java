package org.postbackbridge.platform.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 connector with a deadline for the whole request head. Tomcat's own timeouts
 * apply to each read, so a client that trickles a header byte every few seconds would keep a
 * connection forever, and enough such clients exhaust the connections. Once a second, connections
 * still reading a request line and headers started more than the deadline ago ({@link #DEADLINE}
 * unless configured) are closed.
 */
public class HeadDeadlineProtocol extends Http11NioProtocol {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    private Duration deadline = DEADLINE;
    private ScheduledExecutorService reaper;

    /** Set by Tomcat from the connector property of that name; see {@link RequestHeadDeadline}. */
    public void setHeadDeadlineMillis(long millis) {
        deadline = Duration.ofMillis(millis);
    }

    @Override
    public void start() throws Exception {
        super.start();
        reaper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("request-head-deadline").daemon().factory());
        reaper.scheduleWithFixedDelay(this::closeOverdue, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() throws Exception {
        if (reaper != null) {
            reaper.shutdownNow();
        }
        super.stop();
    }

    private void closeOverdue() {
        long now = System.nanoTime();
        for (SocketWrapperBase<?> connection : getEndpoint().getConnections()) {
            if (connection.getCurrentProcessor() instanceof AbstractProcessor processor
                    && readingHeadSince(processor.getRequest(), now) > deadline.toNanos()) {
                connection.close();
            }
        }
    }

    /**
     * Nanoseconds since this request's head began to arrive, or 0 when it is not being read. Tomcat
     * marks the start at the head's first byte and clears it between requests; the stage moves on to
     * {@code PREPARE} once the head is complete (while it is read, the stage is the previous request's).
     */
    private static long readingHeadSince(Request request, long now) {
        int stage = request.getRequestProcessor().getStage();
        boolean served = stage >= Constants.STAGE_PREPARE && stage <= Constants.STAGE_ENDOUTPUT;
        if (served || request.getStartTimeNanos() <= 0) {
            return 0;
        }
        return now - request.getStartTimeNanos();
    }
}
