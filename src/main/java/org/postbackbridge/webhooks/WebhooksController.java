package org.postbackbridge.webhooks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's webhooks page: endpoints (add one, its secret shown this once; disable, enable,
 * delete), and per endpoint its delivery log, a test event and a retry for dead messages. Endpoints
 * declared in configuration are read-only here, but can be tested and their messages retried.
 */
@Controller
class WebhooksController {

    private static final int LOG_LENGTH = 50;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookPayloads payloads;
    private final EndpointUrlPolicy policy;
    private final WebhookDispatcher dispatcher;
    private final ApplicationEventPublisher events;

    WebhooksController(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookPayloads payloads,
                       EndpointUrlPolicy policy, WebhookDispatcher dispatcher, ApplicationEventPublisher events) {
        this.events = events;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.policy = policy;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/admin/webhooks")
    String list(@RequestParam(required = false) Long endpoint, Model model) {
        List<WebhookEndpoint> all = endpoints.all();
        model.addAttribute("endpoints", all);
        model.addAttribute("pending", all.stream().collect(Collectors.toMap(WebhookEndpoint::id,
                e -> deliveries.pending(e.id()))));
        model.addAttribute("eventTypes", WebhookEndpoint.EVENT_TYPES);
        Optional<WebhookEndpoint> selected = endpoint == null ? Optional.empty()
                : all.stream().filter(e -> e.id() == endpoint).findFirst();
        selected.ifPresent(e -> {
            model.addAttribute("selected", e);
            model.addAttribute("deliveries", deliveries.latest(e.id(), LOG_LENGTH));
        });
        return "admin/webhooks";
    }

    /** Answers with the page itself rather than a redirect, so the new secret is on it and nowhere else. */
    @PostMapping("/admin/webhooks")
    String create(@RequestParam(defaultValue = "") String url, @RequestParam(name = "types", required = false) List<String> types,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        List<String> chosen = types == null ? List.of() : types;
        Optional<String> problem = policy.problem(url)
                .or(() -> chosen.stream().filter(type -> !WebhookEndpoint.EVENT_TYPES.contains(type)).findFirst()
                        .map(type -> "Unknown event type '" + type + "'."));
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", problem.get());
            model.addAttribute("url", url);
        } else {
            // All boxes ticked is the same as none: every type, including types added later.
            List<String> stored = chosen.containsAll(WebhookEndpoint.EVENT_TYPES) ? List.of() : List.copyOf(chosen);
            WebhookEndpoints.Created created = endpoints.create(url.strip(), stored);
            model.addAttribute("created", created);
            record("webhook_endpoint_added", "webhook_endpoint:" + created.endpoint().id(), url.strip(), request);
            dispatcher.wakeUp();
        }
        return list(null, model);
    }

    @PostMapping("/admin/webhooks/{id}/disable")
    String disable(@PathVariable long id, HttpServletRequest request) {
        editable(id);
        endpoints.setEnabled(id, false, "Disabled in the console.");
        record("webhook_endpoint_disabled", "webhook_endpoint:" + id, "disabled", request);
        return "redirect:/admin/webhooks?endpoint=" + id;
    }

    @PostMapping("/admin/webhooks/{id}/enable")
    String enable(@PathVariable long id, HttpServletRequest request) {
        editable(id);
        endpoints.setEnabled(id, true, null);
        record("webhook_endpoint_enabled", "webhook_endpoint:" + id, "enabled", request);
        dispatcher.wakeUp();
        return "redirect:/admin/webhooks?endpoint=" + id;
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@PathVariable long id, HttpServletRequest request) {
        WebhookEndpoint endpoint = editable(id);
        endpoints.delete(id);
        record("webhook_endpoint_deleted", "webhook_endpoint:" + id, endpoint.url(), request);
        return "redirect:/admin/webhooks?deleted=" + id;
    }

    @PostMapping("/admin/webhooks/{id}/test")
    String sendTest(@PathVariable long id, HttpServletRequest request) {
        known(id);
        WebhookDeliveries.Queued test = payloads.test();
        deliveries.queueTest(id, test);
        record("webhook_test_sent", "webhook_endpoint:" + id, test.messageId(), request);
        dispatcher.wakeUp();
        return "redirect:/admin/webhooks?endpoint=" + id + "&tested";
    }

    @PostMapping("/admin/webhooks/{id}/deliveries/{delivery}/retry")
    String retry(@PathVariable long id, @PathVariable long delivery, HttpServletRequest request) {
        known(id);
        if (!deliveries.retry(id, delivery)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Only a dead message of this endpoint can be retried.");
        }
        record("webhook_delivery_retried", "webhook_delivery:" + delivery, "queued again", request);
        dispatcher.wakeUp();
        return "redirect:/admin/webhooks?endpoint=" + id + "&retried=" + delivery;
    }

    private WebhookEndpoint known(long id) {
        return endpoints.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No endpoint " + id + "."));
    }

    private WebhookEndpoint editable(long id) {
        WebhookEndpoint endpoint = known(id);
        if (endpoint.declared()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Endpoint " + id + " is declared in configuration: change it there and restart.");
        }
        return endpoint;
    }

    private void record(String action, String subject, String outcome, HttpServletRequest request) {
        events.publishEvent(new WebhookOperatorAction(action, subject, outcome, request.getRemoteAddr()));
    }
}
