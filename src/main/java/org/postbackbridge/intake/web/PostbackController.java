package org.postbackbridge.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.postbackbridge.intake.EventView;
import org.postbackbridge.intake.PostbackIntake;
import org.postbackbridge.intake.PostbackOutcome;
import org.postbackbridge.intake.PostbackRequestParameters;
import org.postbackbridge.intake.Rejection;
import org.postbackbridge.intake.Warning;
import org.postbackbridge.platform.database.DatabaseHealth;
import org.postbackbridge.platform.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The partner programs' side: {@code /postback/{network}} and the health check; HTTP only, the rest is {@link PostbackIntake}'s. */
@RestController
@RequestMapping("/postback")
class PostbackController {

    /** The answer: {@code success} and {@code message}, plus the status and what the postback was accepted in spite of. */
    record PostbackResponse(boolean success, String message, EventView event, String status, List<Warning> warnings) {

        static PostbackResponse of(PostbackOutcome outcome) {
            return new PostbackResponse(true, outcome.message(), EventView.of(outcome.event()),
                    outcome.status().value(), outcome.warnings());
        }
    }

    private final PostbackIntake intake;
    private final DatabaseHealth databaseHealth;
    private final JsonMapper json;

    PostbackController(PostbackIntake intake, DatabaseHealth databaseHealth, JsonMapper json) {
        this.intake = intake;
        this.databaseHealth = databaseHealth;
        this.json = json;
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
        PostbackIntake.Request received = new PostbackIntake.Request(network,
                () -> PostbackRequestParameters.read(request, json), signatureHeader, request.getRemoteAddr());
        return switch (intake.receive(received)) {
            case PostbackIntake.Accepted accepted -> ResponseEntity.ok(PostbackResponse.of(accepted.outcome()));
            case PostbackIntake.Refused refused -> ResponseEntity.status(refused.rejection().status())
                    .body(error(refused.rejection()));
        };
    }

    static ApiError error(Rejection rejection) {
        return ApiError.of(rejection.error(), rejection.message(), rejection.parameter());
    }
}
