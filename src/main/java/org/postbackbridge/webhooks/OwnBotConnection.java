package org.postbackbridge.webhooks;

import org.postbackbridge.integration.ApiKeys;
import org.postbackbridge.outbox.ExternalBot;
import org.springframework.stereotype.Component;

/** The operator's own bot is connected when a webhook endpoint is enabled or an API key is active. */
@Component
class OwnBotConnection implements ExternalBot {

    private final WebhookEndpoints endpoints;
    private final ApiKeys keys;

    OwnBotConnection(WebhookEndpoints endpoints, ApiKeys keys) {
        this.endpoints = endpoints;
        this.keys = keys;
    }

    @Override
    public boolean connected() {
        return endpoints.anyEnabled() || keys.anyActive();
    }

    @Override
    public String describe() {
        long enabled = endpoints.all().stream().filter(WebhookEndpoint::enabled).count();
        return enabled > 0 ? enabled + " webhook endpoint" + (enabled == 1 ? "" : "s") : "an API key";
    }
}
