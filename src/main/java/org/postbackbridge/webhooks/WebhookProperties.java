package org.postbackbridge.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.postbackbridge.platform.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param url             {@code WEBHOOK_URL}: one endpoint, declared in configuration, that gets every event type
 * @param secret          {@code WEBHOOK_SECRET}: its {@code whsec_} secret
 * @param endpoints       more declared endpoints ({@code webhooks.endpoints} in {@code config/application.yml})
 * @param allowPrivate    {@code WEBHOOKS_ALLOW_PRIVATE}: allow endpoints on private, link-local and
 *                        unique-local addresses (a receiver on the same private network)
 * @param pollInterval    how often the dispatcher looks for new events and due retries
 * @param firstRetryDelay the wait after a first failed attempt; it doubles, with jitter, up to {@code maxRetryDelay}
 * @param retryFor        {@code WEBHOOKS_RETRY_FOR}: how long a failing message is retried before it is dead
 * @param requestTimeout  how long one attempt may take, connection included
 * @param retention       {@code MESSAGE_RETENTION}: a delivered or dead message is deleted this long after it was queued
 */
@ConfigurationProperties("postback-bridge.webhooks")
public record WebhookProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String secret,
        @DefaultValue List<DeclaredEndpoint> endpoints,
        @DefaultValue("false") boolean allowPrivate,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration firstRetryDelay,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("90d") Duration retention) {

    public WebhookProperties {
        Settings.atLeast("MESSAGE_RETENTION", retention, "1d");
    }

    /** @param eventTypes the feed event types it gets; empty for all */
    public record DeclaredEndpoint(String url, String secret, @DefaultValue List<String> eventTypes) {

        @Override
        public String toString() {
            return "DeclaredEndpoint[url=" + url + ", secret=***, eventTypes=" + eventTypes + "]";
        }
    }

    /** {@code WEBHOOK_URL} with the list, when set. */
    public List<DeclaredEndpoint> declared() {
        if (url.isBlank()) {
            return endpoints;
        }
        return Stream.concat(Stream.of(new DeclaredEndpoint(url.strip(), secret.strip(), List.of())), endpoints.stream())
                .toList();
    }

    @Override
    public String toString() {
        return "WebhookProperties[url=" + url + ", secret=" + (secret.isBlank() ? "<none>" : "***") + ", endpoints="
                + endpoints + ", allowPrivate=" + allowPrivate + "]";
    }
}
