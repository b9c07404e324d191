package org.postbackbridge.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.postbackbridge.eventlog.EventsFeed;
import org.postbackbridge.outbox.DispatchLeadership;
import org.postbackbridge.outbox.DispatchSignal;
import org.postbackbridge.outbox.LeaderLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends every endpoint's queue in the background, on the one instance that holds the outbox's
 * dispatch lease.
 *
 * <p>Each pass, for each enabled endpoint: the events after its feed cursor are queued (with the
 * cursor, in one transaction), then its oldest pending message, when due, goes out on a virtual
 * thread. An endpoint has at most one attempt under way and its next message waits until the one
 * before is delivered or dead, so it gets its events in feed order. A message whose answer was
 * not written (a crash mid-attempt) is sent again with the same webhook-id: at least once.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int EVENTS_PER_PASS = 200;
    private static final int GONE = 410;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final EventsFeed feed;
    private final WebhookPayloads payloads;
    private final WebhookClient client;
    private final RetrySchedule retries;
    private final Duration pollInterval;
    private final Clock clock;

    private final Set<Long> endpointsInFlight = ConcurrentHashMap.newKeySet();
    private final DispatchSignal wakeUp = new DispatchSignal();
    private final LeaderLoop loop;

    WebhookDispatcher(WebhookEndpoints endpoints, WebhookDeliveries deliveries, EventsFeed feed, WebhookPayloads payloads,
                      WebhookClient client, DispatchLeadership leadership, WebhookProperties properties, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.feed = feed;
        this.payloads = payloads;
        this.client = client;
        this.retries = new RetrySchedule(properties.firstRetryDelay(), properties.maxRetryDelay(), properties.retryFor());
        this.pollInterval = properties.pollInterval();
        this.clock = clock;
        this.loop = new LeaderLoop("webhook-dispatcher", leadership, wakeUp, properties.pollInterval(),
                properties.requestTimeout(), this::pass);
    }

    @Override
    public void start() {
        loop.start();
    }

    /** Stops taking messages and waits for the attempts under way to be answered and written. */
    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Looks again now rather than at the next poll (a test message, a retry, an endpoint enabled). */
    void wakeUp() {
        wakeUp.wake();
    }

    /** One pass of the loop; the next waits for a wake-up or the poll interval. */
    private Duration pass(boolean leader, Executor sends) {
        if (leader) {
            for (WebhookEndpoint endpoint : endpoints.enabled()) {
                queueNewEvents(endpoint);
                sendDueHead(endpoint, sends);
            }
        }
        return pollInterval;
    }

    private void queueNewEvents(WebhookEndpoint endpoint) {
        String from = endpoints.cursorOf(endpoint.id());
        Optional<EventsFeed.Page> page = feed.after(from, EVENTS_PER_PASS);
        if (page.isEmpty()) {
            log.error("Webhook endpoint {} has a feed cursor the feed does not know; it gets nothing until fixed", endpoint.id());
            return;
        }
        if (page.get().nextCursor().equals(from)) {
            return;
        }
        List<WebhookDeliveries.Queued> messages = page.get().events().stream()
                .filter(event -> endpoint.wants(event.type()))
                .map(payloads::of)
                .toList();
        deliveries.queue(endpoint.id(), from, page.get().nextCursor(), messages);
    }

    private void sendDueHead(WebhookEndpoint endpoint, Executor sends) {
        if (endpointsInFlight.contains(endpoint.id())) {
            return;
        }
        Optional<WebhookDeliveries.Message> head = deliveries.dueHead(endpoint.id());
        if (head.isEmpty()) {
            return;
        }
        endpointsInFlight.add(endpoint.id());
        sends.execute(() -> {
            try {
                attempt(endpoint, head.get());
            } catch (RuntimeException e) {
                // Not written: the message stays pending as it was and goes out again.
                log.warn("Webhook attempt for endpoint {} not recorded, will retry: {}", endpoint.id(), e.toString());
            } finally {
                endpointsInFlight.remove(endpoint.id());
            }
        });
    }

    private void attempt(WebhookEndpoint endpoint, WebhookDeliveries.Message message) {
        WebhookSigner signer = new WebhookSigner(endpoints.secretOf(endpoint.id()));
        WebhookClient.Attempt attempt = client.send(endpoint.url(), signer, message.messageId(), message.body());
        if (attempt.accepted()) {
            deliveries.delivered(message.id(), attempt.statusCode(), attempt.latencyMs());
            wakeUp();
            return;
        }
        if (attempt.statusCode() != null && attempt.statusCode() == GONE) {
            // The receiver says the endpoint is gone for good: stop, and keep its queue for an operator.
            endpoints.setEnabled(endpoint.id(), false, "The endpoint answered 410 Gone.");
            log.warn("Webhook endpoint {} answered 410 Gone: disabled", endpoint.id());
        }
        Optional<Instant> next = retries.next(message.attempts() + 1, message.retryingSince(), clock.instant());
        deliveries.failed(message.id(), attempt.statusCode(), attempt.latencyMs(), attempt.error(), next);
        if (next.isEmpty()) {
            log.warn("Webhook {} to endpoint {} is dead after {} attempts", message.messageId(), endpoint.id(),
                    message.attempts() + 1);
        }
    }
}
