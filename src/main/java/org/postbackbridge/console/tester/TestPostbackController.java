package org.postbackbridge.console.tester;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.intake.EventView;
import org.postbackbridge.intake.PostbackOutcome;
import org.postbackbridge.intake.PostbackProperties;
import org.postbackbridge.intake.PostbackRequestParameters;
import org.postbackbridge.intake.Warning;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.platform.web.ApiError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /postback/test}; needs the admin token. The tester over HTTP: the real pipeline,
 * rolled back after the verdict unless {@code apply=true}, which applies it for real, marked as a test.
 */
@RestController
class TestPostbackController {

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

    private final PostbackTester tester;
    private final PostbackProperties properties;
    private final AttributionProperties attribution;
    private final JsonMapper json;

    TestPostbackController(PostbackTester tester, PostbackProperties properties, AttributionProperties attribution,
                           JsonMapper json) {
        this.tester = tester;
        this.properties = properties;
        this.attribution = attribution;
        this.json = json;
    }

    @PostMapping("/postback/test")
    ResponseEntity<?> test(HttpServletRequest request) {
        Map<String, List<String>> params = PostbackRequestParameters.read(request, json);
        List<String> requested = params.remove("network");
        List<String> apply = params.remove("apply");
        String network = requested == null || requested.isEmpty() ? attribution.defaultNetwork() : requested.getFirst();
        if (!properties.networks().containsKey(network)) {
            return ResponseEntity.badRequest().body(ApiError.of("unknown_network",
                    "no network '" + network + "' is configured; known: " + properties.networks().keySet(), "network"));
        }
        boolean applied = apply != null && !apply.isEmpty() && Boolean.parseBoolean(apply.getFirst());
        PostbackTester.Verdict verdict = tester.run(network, params, applied, request.getRemoteAddr());
        if (verdict.invalid() != null) {
            return ResponseEntity.status(verdict.invalid().status()).body(ApiError.of(verdict.invalid().error(),
                    verdict.invalid().message(), verdict.invalid().parameter()));
        }
        PostbackOutcome outcome = verdict.outcome();
        return ResponseEntity.ok(new TestResponse(true, outcome.message(), EventView.of(outcome.event()),
                outcome.status().value(), verdict.warnings(), verdict.applied(), verdict.stages(),
                verdict.messages().stream().map(TestMessage::of).toList()));
    }
}
