package org.postbackbridge.intake;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.postbackbridge.platform.web.ApiException;
import org.springframework.stereotype.Service;

/**
 * The one way in for a partner program's postback: finds its network, reads its parameters,
 * authenticates it ({@link PostbackAuthenticator}), parses it ({@link PostbackParser}), and has
 * {@link PostbackHandler} store and apply it; a refused one goes to the {@link RefusalLog}. Each
 * request is counted and timed in {@link PostbackMetrics}.
 */
@Service
public class PostbackIntake {

    /**
     * A request as it arrived. {@code parameters} reads them (query string and body) when needed and
     * throws an {@link ApiException} for a body that cannot be read.
     */
    public record Request(String network, Supplier<Map<String, List<String>>> parameters, String signatureHeader,
                          String sourceAddress) {
    }

    /** What the partner program is answered. */
    public sealed interface Answer {
    }

    public record Accepted(PostbackOutcome outcome) implements Answer {
    }

    public record Refused(Rejection rejection) implements Answer {
    }

    private final PostbackProperties properties;
    private final PostbackParser parser;
    private final PostbackHandler handler;
    private final RefusalLog refusals;
    private final PostbackMetrics metrics;
    private final Clock clock;

    PostbackIntake(PostbackProperties properties, PostbackParser parser, PostbackHandler handler, RefusalLog refusals,
                   PostbackMetrics metrics, Clock clock) {
        this.properties = properties;
        this.parser = parser;
        this.handler = handler;
        this.refusals = refusals;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Accepts or refuses {@code request}; throws for an unreadable body (after recording it) and when storage fails. */
    public Answer receive(Request request) {
        Timer.Sample sample = metrics.start();
        String network = request.network();
        NetworkProfile profile = properties.networks().get(network);
        if (profile == null) {
            metrics.record(sample, PostbackMetrics.NONE, PostbackMetrics.NONE, PostbackStatus.REJECTED.value());
            Rejection unknown = new Rejection(404, "unknown_network", null, "no network '"
                    + StoredParameters.cut(network, 64) + "' is configured; known: " + properties.networks().keySet());
            refusals.refusedUnknownNetwork(network, request.parameters(), request.sourceAddress(), unknown);
            return new Refused(unknown);
        }
        Answer answer;
        try {
            answer = receive(profile, request);
        } catch (RuntimeException e) {
            metrics.record(sample, network, PostbackMetrics.NONE,
                    e instanceof ApiException ? PostbackStatus.REJECTED.value() : "error");
            throw e;
        }
        switch (answer) {
            case Accepted accepted -> metrics.record(sample, network,
                    accepted.outcome().event().type().canonicalName(), accepted.outcome().status().value());
            case Refused refused -> metrics.record(sample, network, PostbackMetrics.NONE,
                    PostbackStatus.REJECTED.value());
        }
        return answer;
    }

    private Answer receive(NetworkProfile profile, Request request) {
        String network = request.network();
        String source = request.sourceAddress();
        Map<String, List<String>> params;
        try {
            params = request.parameters().get();
        } catch (ApiException unreadable) {
            refusals.refused(network, new PostbackParser.Identity(null, null), Map.of(), source, new Rejection(
                    unreadable.status().value(), unreadable.body().error(), null, unreadable.getMessage()), false);
            throw unreadable;
        }
        Map<String, String> firstValues = PostbackRequestParameters.firstValues(params);
        Map<String, String> stored = PostbackRequestParameters.masked(firstValues, profile);
        PostbackParser.Identity identity = PostbackParser.identify(profile, firstValues);

        Optional<Rejection> refused = PostbackAuthenticator.check(profile, firstValues, request.signatureHeader(),
                source);
        if (refused.isPresent()) {
            refusals.refused(network, identity, stored, source, refused.get(), false);
            return new Refused(refused.get());
        }
        return switch (parser.parse(network, profile, params, clock.instant(), false)) {
            case ParseResult.Invalid invalid -> {
                refusals.refused(network, identity, stored, source, invalid.rejection(),
                        PostbackAuthenticator.provesSender(profile));
                yield new Refused(invalid.rejection());
            }
            case ParseResult.Parsed parsed ->
                    new Accepted(handler.handle(parsed.event(), stored, source, parsed.warnings()));
        };
    }
}
