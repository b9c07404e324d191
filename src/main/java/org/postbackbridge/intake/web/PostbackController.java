package org.postbackbridge.intake.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.platform.database.DatabaseHealth;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.platform.web.ApiError;
import org.postbackbridge.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import org.postbackbridge.intake.PostbackTester;
import org.postbackbridge.intake.PostbackProperties;
import org.postbackbridge.intake.PostbackEvent;
import org.postbackbridge.intake.StoredParameters;
import org.postbackbridge.intake.PostbackAuthenticator;
import org.postbackbridge.intake.PostbackParser;
import org.postbackbridge.intake.Warning;
import org.postbackbridge.intake.NetworkProfile;
import org.postbackbridge.intake.PostbackMetrics;
import org.postbackbridge.intake.PostbackOutcome;
import org.postbackbridge.intake.PostbackHandler;
import org.postbackbridge.intake.Rejection;
import org.postbackbridge.intake.PostbackStatus;
import org.postbackbridge.intake.RefusedRequestBudget;
import org.postbackbridge.intake.ParseResult;

/** The partner programs' side: {@code /postback/{network}}, plus the health and test endpoints. */
@RestController
@RequestMapping("/postback")
class PostbackController {

    private static final Logger log = LoggerFactory.getLogger(PostbackController.class);

    /** The answer: {@code success} and {@code message}, plus the status and what the postback was accepted in spite of. */
    record PostbackResponse(boolean success, String message, EventView event, String status, List<Warning> warnings) {
    }

    /**
     * The usual postback answer for a test postback (warnings included), plus what it did: whether it was applied for real
     * (otherwise rolled back), stage by stage, and the messages it queued, rendered.
     */
    record TestResponse(boolean success, String message, EventView event, String status, List<Warning> warnings,
                        boolean applied, List<PostbackTester.Stage> stages, List<TestMessage> messages) {
    }

    record TestMessage(@JsonProperty("chat_id") long chatId, String kind, String text) {

        static TestMessage of(OutboxMessage message) {
            return new TestMessage(message.chatId(), message.kind(), message.text());
        }
    }

    record EventView(String type, @JsonProperty("user_id") String userId, BigDecimal amount, String currency) {

        static EventView of(PostbackEvent event) {
            return new EventView(event.type().canonicalName(), event.playerId(),
                    event.money() == null ? null : event.money().amount(),
                    event.money() == null ? null : event.money().currency());
        }
    }

    private final PostbackHandler handler;
    private final PostbackTester tester;
    private final PostbackProperties properties;
    private final AttributionProperties attribution;
    private final DatabaseHealth databaseHealth;
    private final PostbackParser parser;
    private final JsonMapper json;
    private final Clock clock;
    private final PostbackMetrics metrics;
    private final RefusedRequestBudget refusedBudget;

    PostbackController(PostbackHandler handler, PostbackTester tester, PostbackProperties properties,
                       AttributionProperties attribution, DatabaseHealth databaseHealth, JsonMapper json, Clock clock,
                       PostbackMetrics metrics, RefusedRequestBudget refusedBudget) {
        this.handler = handler;
        this.tester = tester;
        this.properties = properties;
        this.attribution = attribution;
        this.databaseHealth = databaseHealth;
        this.parser = new PostbackParser(properties);
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.refusedBudget = refusedBudget;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, String>> health() {
        if (!databaseHealth.writable()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "degraded", "service", "postback", "reason", "database is not writable"));
        }
        return ResponseEntity.ok(Map.of("status", "ok", "service", "postback"));
    }

    @RequestMapping(path = "/{network}", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<?> receive(@PathVariable String network, HttpServletRequest request,
                              @RequestHeader(name = "X-Signature", required = false) String signatureHeader) {
        Timer.Sample sample = metrics.start();
        NetworkProfile profile = properties.networks().get(network);
        if (profile == null) {
            metrics.record(sample, PostbackMetrics.NONE, PostbackMetrics.NONE, PostbackStatus.REJECTED.value());
            Rejection unknown = new Rejection(404, "unknown_network", null, "no network '"
                    + StoredParameters.cut(network, 64) + "' is configured; known: " + properties.networks().keySet());
            recordUnknownNetwork(network, request, unknown);
            return ResponseEntity.status(unknown.status()).body(error(unknown));
        }
        ResponseEntity<?> answer;
        try {
            answer = receive(network, profile, request, signatureHeader);
        } catch (RuntimeException e) {
            metrics.record(sample, network, PostbackMetrics.NONE, e instanceof ApiException ? PostbackStatus.REJECTED.value() : "error");
            throw e;
        }
        if (answer.getBody() instanceof PostbackResponse response) {
            metrics.record(sample, network, response.event().type(), response.status());
        } else {
            metrics.record(sample, network, PostbackMetrics.NONE, PostbackStatus.REJECTED.value());
        }
        return answer;
    }

    private ResponseEntity<?> receive(String network, NetworkProfile profile, HttpServletRequest request,
                                      String signatureHeader) {
        String source = request.getRemoteAddr();
        Map<String, List<String>> params;
        try {
            params = PostbackRequestParameters.read(request, json);
        } catch (ApiException unreadable) {
            reject(network, new PostbackParser.Identity(null, null), Map.of(), source, new Rejection(
                    unreadable.status().value(), unreadable.body().error(), null, unreadable.getMessage()), false);
            throw unreadable;
        }
        Map<String, String> firstValues = PostbackRequestParameters.firstValues(params);
        Map<String, String> stored = PostbackRequestParameters.masked(firstValues, profile);
        PostbackParser.Identity identity = PostbackParser.identify(profile, firstValues);

        Optional<Rejection> refused = PostbackAuthenticator.check(profile, firstValues, signatureHeader, source);
        if (refused.isPresent()) {
            return reject(network, identity, stored, source, refused.get(), false);
        }
        return switch (parser.parse(network, profile, params, clock.instant(), false)) {
            case ParseResult.Invalid invalid -> reject(network, identity, stored, source, invalid.rejection(),
                    PostbackAuthenticator.provesSender(profile));
            case ParseResult.Parsed parsed -> answer(handler.handle(parsed.event(), stored, source, parsed.warnings()));
        };
    }

    /**
     * {@code POST /postback/test}; needs the admin token. The real pipeline, rolled back after
     * the verdict unless {@code apply=true}, which applies it for real, marked as a test.
     */
    @PostMapping("/test")
    ResponseEntity<?> test(HttpServletRequest request) {
        Map<String, List<String>> params = PostbackRequestParameters.read(request, json);
        List<String> requested = params.remove("network");
        List<String> apply = params.remove("apply");
        String network = requested == null || requested.isEmpty() ? attribution.defaultNetwork() : requested.getFirst();
        NetworkProfile profile = properties.networks().get(network);
        if (profile == null) {
            return ResponseEntity.badRequest().body(ApiError.of("unknown_network",
                    "no network '" + network + "' is configured; known: " + properties.networks().keySet(), "network"));
        }
        if (parser.parse(network, profile, params, clock.instant(), true) instanceof ParseResult.Invalid invalid) {
            return ResponseEntity.status(invalid.rejection().status()).body(error(invalid.rejection()));
        }
        boolean applied = apply != null && !apply.isEmpty() && Boolean.parseBoolean(apply.getFirst());
        PostbackTester.Verdict verdict = tester.run(network, params, applied, request.getRemoteAddr());
        PostbackOutcome outcome = verdict.outcome();
        return ResponseEntity.ok(new TestResponse(true, outcome.message(), EventView.of(outcome.event()),
                outcome.status().value(), verdict.warnings(), verdict.applied(), verdict.stages(),
                verdict.messages().stream().map(TestMessage::of).toList()));
    }

    private ResponseEntity<PostbackResponse> answer(PostbackOutcome outcome) {
        return ResponseEntity.ok(new PostbackResponse(true, outcome.message(), EventView.of(outcome.event()),
                outcome.status().value(), outcome.warnings()));
    }

    /**
     * Refuses the request and records it. One that did not prove where it came from could come from
     * anyone, so how many of those a source gets recorded is limited.
     */
    private ResponseEntity<ApiError> reject(String network, PostbackParser.Identity identity, Map<String, String> stored,
                                            String source, Rejection rejection, boolean senderProven) {
        if (senderProven || refusedBudget.tryRecord(source)) {
            record(network, identity, stored, source, rejection);
        }
        return ResponseEntity.status(rejection.status()).body(error(rejection));
    }

    /**
     * Records a request for a network we do not have (often a typo in the cabinet's URL), its
     * parameters masked as any of our networks would mask them, with the event and player as the
     * default network would read them.
     */
    private void recordUnknownNetwork(String network, HttpServletRequest request, Rejection rejection) {
        Map<String, String> stored;
        try {
            stored = PostbackRequestParameters.firstValues(PostbackRequestParameters.read(request, json));
            for (NetworkProfile profile : properties.networks().values()) {
                stored = PostbackRequestParameters.masked(stored, profile);
            }
        } catch (ApiException unreadable) {
            stored = Map.of();
        }
        NetworkProfile usual = properties.networks().get(attribution.defaultNetwork());
        PostbackParser.Identity identity = usual == null ? new PostbackParser.Identity(null, null)
                : PostbackParser.identify(usual, stored);
        reject(network, identity, stored, request.getRemoteAddr(), rejection, false);
    }

    private void record(String network, PostbackParser.Identity identity, Map<String, String> stored, String source,
                        Rejection rejection) {
        try {
            handler.recordRejected(network, identity, stored, source, rejection);
        } catch (RuntimeException e) {
            // The answer is about the request, not about our log of it: still refuse it.
            log.warn("Could not record a rejected postback: {}", e.toString());
        }
    }

    private static ApiError error(Rejection rejection) {
        return ApiError.of(rejection.error(), rejection.message(), rejection.parameter());
    }
}
