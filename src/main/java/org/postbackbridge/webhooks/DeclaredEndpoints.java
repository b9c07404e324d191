package org.postbackbridge.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Copies the endpoints declared in configuration ({@code WEBHOOK_URL} and {@code WEBHOOK_SECRET}, or
 * {@code webhooks.endpoints}) into the endpoints table at start, so that they are dispatched like the
 * console's; one no longer declared is disabled, its queue kept. A declaration that cannot work stops
 * the start with what to fix.
 */
@Component
class DeclaredEndpoints implements InitializingBean {

    private final WebhookProperties properties;
    private final WebhookEndpoints endpoints;
    private final EndpointUrlPolicy policy;

    DeclaredEndpoints(WebhookProperties properties, WebhookEndpoints endpoints, EndpointUrlPolicy policy) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.policy = policy;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> urls = new ArrayList<>();
        for (WebhookProperties.DeclaredEndpoint declared : properties.declared()) {
            String url = declared.url() == null ? "" : declared.url().strip();
            problem(url, declared).ifPresent(problem -> {
                throw new IllegalStateException("Webhook endpoint " + (url.isEmpty() ? "without a URL" : url) + ": " + problem);
            });
            endpoints.declare(url, declared.secret().strip(), declared.eventTypes());
            urls.add(url);
        }
        endpoints.undeclareAllBut(urls);
    }

    /** Only the URL's form: a name that does not resolve at start may well resolve later, and is checked on each attempt. */
    private Optional<String> problem(String url, WebhookProperties.DeclaredEndpoint declared) {
        Optional<String> form = policy.problemWithForm(url);
        if (form.isPresent()) {
            return form;
        }
        if (!WebhookSigner.isValidSecret(declared.secret() == null ? null : declared.secret().strip())) {
            return Optional.of("WEBHOOK_SECRET (or the endpoint's secret) must be whsec_ and the base64 of at least "
                    + "24 random bytes, e.g. whsec_$(openssl rand -base64 32).");
        }
        for (String type : declared.eventTypes()) {
            if (!WebhookEndpoint.EVENT_TYPES.contains(type)) {
                return Optional.of("Unknown event type '" + type + "'; known types: "
                        + String.join(", ", WebhookEndpoint.EVENT_TYPES) + ".");
            }
        }
        return Optional.empty();
    }
}
