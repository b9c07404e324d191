package org.postbackbridge.webhooks;

/**
 * Published when an operator changes webhooks in the console, for the record of operator actions.
 *
 * @param action  e.g. {@code webhook_endpoint_added}
 * @param subject what it was done to, e.g. {@code webhook_endpoint:3} or {@code webhook_delivery:42}
 * @param outcome what came of it, in words
 */
public record WebhookOperatorAction(String action, String subject, String outcome, String sourceIp) {
}
