package org.postbackbridge.console;

import org.postbackbridge.webhooks.WebhookOperatorAction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records what operators do on the webhooks page among the other operator actions. */
@Component
class WebhookActionLog {

    private final OperatorActions actions;

    WebhookActionLog(OperatorActions actions) {
        this.actions = actions;
    }

    @EventListener
    void record(WebhookOperatorAction action) {
        actions.record(action.action(), action.subject(), action.outcome(), action.sourceIp());
    }
}
