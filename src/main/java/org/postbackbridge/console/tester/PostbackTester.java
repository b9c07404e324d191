package org.postbackbridge.console.tester;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.eventlog.LoggedEvent;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.users.UserRepository;
import org.postbackbridge.intake.NetworkProfile;
import org.postbackbridge.intake.ParseResult;
import org.postbackbridge.intake.PostbackAuthenticator;
import org.postbackbridge.intake.PostbackEvent;
import org.postbackbridge.intake.PostbackOutcome;
import org.postbackbridge.intake.PostbackParser;
import org.postbackbridge.intake.PostbackProperties;
import org.postbackbridge.intake.PostbackRequestParameters;
import org.postbackbridge.intake.PostbackStatus;
import org.postbackbridge.intake.Rejection;
import org.postbackbridge.intake.TestPostbacks;
import org.postbackbridge.intake.Warning;
import org.springframework.stereotype.Service;

/**
 * The console's postback tester and {@code POST /postback/test}: takes a postback as the partner
 * program would send it, runs it through the real pipeline marked as test, and says what each stage
 * made of it, messages rendered. Rolled back after the verdict unless applied for real (see
 * {@link TestPostbacks}). Authentication is checked and reported but does not stop the test: the
 * operator is signed in, and wants to see the rest too.
 */
@Service
class PostbackTester {

    /** A {macro} or its URL-encoded form, as a cabinet leaves it when it does not know the macro. */
    private static final Pattern MACRO = Pattern.compile("\\{[A-Za-z0-9_]+}|%7B[A-Za-z0-9_]+%7D",
            Pattern.CASE_INSENSITIVE);

    public enum State { PASS, FAIL, SKIP }

    public record Stage(String name, State state, String detail) {
    }

    /**
     * The stages in order; {@code macros} names every parameter still holding a macro; {@code warnings}
     * is what the postback was accepted in spite of, as its answer and the log show it. {@code outcome}
     * is what the pipeline answered (null when it was not reached); {@code applied} tells whether it
     * was applied for real (as a test) or rolled back; {@code invalid} is why the parser refused it, if it did.
     */
    public record Verdict(List<Stage> stages, List<String> macros, List<Warning> warnings, List<LoggedEvent> events,
                          List<OutboxMessage> messages, PostbackOutcome outcome, boolean applied, Rejection invalid) {
    }

    private final TestPostbacks tests;
    private final PostbackProperties properties;
    private final PostbackParser parser;
    private final EventLog eventLog;
    private final Outbox outbox;
    private final UserRepository users;
    private final Clock clock;

    PostbackTester(TestPostbacks tests, PostbackProperties properties, PostbackParser parser, EventLog eventLog,
                   Outbox outbox, UserRepository users, Clock clock) {
        this.tests = tests;
        this.properties = properties;
        this.parser = parser;
        this.eventLog = eventLog;
        this.outbox = outbox;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Runs {@code urlOrQuery} (a full URL or just {@code a=1&b=2}) as a postback of {@code network};
     * rolled back after the verdict unless {@code apply}.
     */
    public Verdict run(String network, String urlOrQuery, boolean apply) {
        return run(network, parameters(urlOrQuery), apply, "console tester");
    }

    /** Runs {@code params} as a postback of {@code network} from {@code source}; rolled back unless {@code apply}. */
    public Verdict run(String network, Map<String, List<String>> params, boolean apply, String source) {
        List<String> macros = macros(params);
        List<Stage> stages = new ArrayList<>();
        NetworkProfile profile = properties.networks().get(network);
        if (profile == null) {
            stages.add(new Stage("Authenticated", State.FAIL, "no network '" + network + "' is configured"));
            return new Verdict(stages, macros, List.of(), List.of(), List.of(), null, false, null);
        }
        stages.add(authentication(profile, params));

        ParseResult parsed = parser.parse(network, profile, params, clock.instant(), true);
        if (parsed instanceof ParseResult.Invalid invalid) {
            stages.add(new Stage("Parsed", State.FAIL, invalid.rejection().status() + " "
                    + invalid.rejection().error() + ": " + invalid.rejection().message()));
            return skipRest(stages, macros, List.of(), null, invalid.rejection());
        }
        PostbackEvent event = ((ParseResult.Parsed) parsed).event();
        List<Warning> warnings = ((ParseResult.Parsed) parsed).warnings();
        stages.add(new Stage("Parsed", State.PASS, describe(event)));

        Map<String, String> stored = PostbackRequestParameters.masked(PostbackRequestParameters.firstValues(params),
                profile);
        return tests.run(event, stored, source, warnings, apply,
                outcome -> verdict(stages, macros, warnings, event, outcome, apply));
    }

    /** What the pipeline did with the test postback, read inside its transaction. */
    private Verdict verdict(List<Stage> stages, List<String> macros, List<Warning> warnings, PostbackEvent event,
                            PostbackOutcome outcome, boolean applied) {
        if (outcome.status() == PostbackStatus.DUPLICATE) {
            stages.add(new Stage("Attributed", State.SKIP, "a test postback with the same "
                    + (event.transactionId() != null ? "transaction ID" : "event, player, amount and date")
                    + " was applied before: duplicate, nothing changed. Change transaction_id to run it again."));
            return skipRest(stages, macros, warnings, outcome, null);
        }
        if (outcome.telegramId() == null) {
            stages.add(new Stage("Attributed", State.FAIL, "no Telegram user is linked to player " + event.playerId()
                    + ", and sub1 carries no known click token. A real postback would be stored as unmatched and"
                    + " applied when the player is linked."));
            return skipRest(stages, macros, warnings, outcome, null);
        }
        String user = users.findById(outcome.telegramId()).map(u -> u.displayName() + " (" + u.telegramId() + ")")
                .orElse(String.valueOf(outcome.telegramId()));
        stages.add(new Stage("Attributed", State.PASS, "Telegram user " + user));

        List<LoggedEvent> events = eventLog.ofTestPostback(outcome.postbackId());
        stages.add(new Stage("Effects", events.isEmpty() ? State.FAIL : State.PASS, events.isEmpty()
                ? "nothing was logged"
                : "logged " + String.join(", ", events.stream().map(LoggedEvent::type).toList())));
        List<OutboxMessage> messages = outbox.queuedUnder(PostbackOutcome.messageKey(outcome.postbackId()));
        stages.add(new Stage("Messages queued", messages.isEmpty() ? State.SKIP : State.PASS, messages.isEmpty()
                ? "no message for this event (muted, or a win told within the last interval)"
                : messages.size() + " message(s): " + String.join(", ", messages.stream()
                        .map(m -> m.kind() + " → chat " + m.chatId()).toList())));
        stages.add(applied
                ? new Stage("Applied", State.PASS, "applied for real, marked TEST; undo it from the tester")
                : new Stage("Rolled back", State.PASS, "nothing was changed and nothing was sent"));
        return new Verdict(stages, macros, warnings, events, messages, outcome, applied, null);
    }

    /** What the partner program would be told about authentication; the IP allowlist needs a real sender. */
    private static Stage authentication(NetworkProfile profile, Map<String, List<String>> params) {
        if (!profile.requiresToken() && !profile.requiresSignature()) {
            return new Stage("Authenticated", State.PASS, "this network needs no token or signature"
                    + (profile.ipAllowlist().isEmpty() ? "" : "; its IP allowlist is checked on real postbacks only"));
        }
        return PostbackAuthenticator.checkCredentials(profile, PostbackRequestParameters.firstValues(params), null)
                .map(rejection -> new Stage("Authenticated", State.FAIL, rejection.status() + " " + rejection.error()
                        + ": " + rejection.message() + ". The test goes on; a real postback would stop here."))
                .orElseGet(() -> new Stage("Authenticated", State.PASS, String.join(", ", passedChecks(profile))));
    }

    private static List<String> passedChecks(NetworkProfile profile) {
        List<String> checks = new ArrayList<>();
        if (profile.requiresToken()) {
            checks.add("token matches");
        }
        if (profile.requiresSignature()) {
            checks.add("signature verifies");
        }
        return checks;
    }

    private static Verdict skipRest(List<Stage> stages, List<String> macros, List<Warning> warnings,
                                    PostbackOutcome outcome, Rejection invalid) {
        for (String name : List.of("Parsed", "Attributed", "Effects", "Messages queued")) {
            if (stages.stream().noneMatch(stage -> stage.name().equals(name))) {
                stages.add(new Stage(name, State.SKIP, "not reached"));
            }
        }
        return new Verdict(stages, macros, warnings, List.of(), List.of(), outcome, false, invalid);
    }

    private static String describe(PostbackEvent event) {
        return event.type().canonicalName() + " of player " + event.playerId()
                + (event.money() == null ? "" : ", " + event.money().plainAmount() + " " + event.money().currency())
                + (event.clickId() == null ? "" : ", sub1 " + event.clickId());
    }

    /** The query of a URL, or the text itself, as parameters; what cannot be decoded stays as written. */
    private static Map<String, List<String>> parameters(String urlOrQuery) {
        String text = urlOrQuery == null ? "" : urlOrQuery.trim();
        String query = text.contains("?") ? text.substring(text.indexOf('?') + 1) : text;
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static List<String> macros(Map<String, List<String>> params) {
        List<String> found = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(value -> {
            Matcher macro = MACRO.matcher(value);
            if (macro.find()) {
                found.add(name + "=" + value);
            }
        }));
        return found;
    }
}
