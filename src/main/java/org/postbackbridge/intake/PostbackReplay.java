package org.postbackbridge.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Runs a refused postback again, from the log, as if it had just arrived: after the operator fixed
 * what refused it (the cabinet's URL, a network's event names) or vouched for it. The token and
 * signature were never stored, so authentication cannot be checked again: a postback refused for
 * authentication is replayed only on the operator's explicit word, and one refused for another
 * reason had passed it already.
 */
@Service
public class PostbackReplay {

    /** What a replay did. */
    public sealed interface Result {
    }

    /** No refused request with that ID, or one whose parameters were cut when stored. */
    public record NotReplayable(String reason) implements Result {
    }

    /** Refused for authentication, and the operator has not said to accept it anyway. */
    public record NeedsConfirmation(String reason) implements Result {
    }

    /** Refused again, and recorded again as refused. */
    public record StillRefused(Rejection rejection) implements Result {
    }

    public record Replayed(PostbackOutcome outcome) implements Result {
    }

    private final PostbackInbox inbox;
    private final PostbackHandler handler;
    private final RefusalLog refusals;
    private final PostbackProperties properties;
    private final PostbackParser parser;
    private final Clock clock;

    PostbackReplay(PostbackInbox inbox, PostbackHandler handler, RefusalLog refusals, PostbackProperties properties,
                   PostbackParser parser, Clock clock) {
        this.inbox = inbox;
        this.handler = handler;
        this.refusals = refusals;
        this.properties = properties;
        this.parser = parser;
        this.clock = clock;
    }

    public Result replay(long postbackId, boolean acceptUnauthenticated) {
        RejectedPostback rejected = inbox.rejected(postbackId).orElse(null);
        if (rejected == null) {
            return new NotReplayable("postback #" + postbackId + " is not a refused postback in the log");
        }
        NetworkProfile profile = properties.networks().get(rejected.network());
        if (profile == null) {
            return new NotReplayable("no network '" + rejected.network() + "' is configured");
        }
        if (StoredParameters.truncated(rejected.params())) {
            return new NotReplayable("its parameters were cut when it was stored, so it cannot be run as sent");
        }
        if (rejected.refusedForAuthentication() && !acceptUnauthenticated) {
            return new NeedsConfirmation("it was refused because it did not prove it came from the network ("
                    + rejected.reason() + "); accept it anyway only if you know it is genuine");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        rejected.params().forEach((name, value) -> {
            if (!name.equals(profile.tokenParameter()) && !name.equals(profile.signatureParameter())) {
                params.put(name, new ArrayList<>(List.of(value)));
            }
        });
        String source = rejected.sourceAddress();
        return switch (parser.parse(rejected.network(), profile, params, clock.instant(), false)) {
            case ParseResult.Invalid invalid -> {
                refusals.record(rejected.network(), PostbackParser.identify(profile, rejected.params()),
                        rejected.params(), source, invalid.rejection());
                yield new StillRefused(invalid.rejection());
            }
            case ParseResult.Parsed parsed -> {
                List<Warning> warnings = new ArrayList<>(parsed.warnings());
                warnings.add(new Warning(Warning.REPLAYED, null, "replayed from the log (postback #" + postbackId + ")"
                        + (rejected.refusedForAuthentication() ? ", accepted without authentication by the operator" : "")));
                yield new Replayed(handler.handle(parsed.event(), rejected.params(), source, warnings));
            }
        };
    }
}
