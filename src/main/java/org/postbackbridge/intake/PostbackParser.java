package org.postbackbridge.intake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postbackbridge.platform.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a postback's raw parameters into a {@link PostbackEvent}, or names the one thing wrong
 * with them. Only what the postback cannot be processed without is essential (the event, the
 * player, the amount of a money event); a macro the cabinet left unsubstituted anywhere else is
 * read as absent and reported as a warning, so a cabinet URL with one macro too many still counts
 * every conversion. Pure: no I/O, no clock but the one passed in, so it is property-tested directly.
 */
@Component
public final class PostbackParser {

    private static final Pattern MACRO = Pattern.compile("\\{[A-Za-z0-9_]+}");
    private static final Pattern PLAYER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.:@+=-]{1,128}");
    private static final int MAX_NAME_LENGTH = 64;

    private final int maxValueLength;
    private final int maxParameters;
    private final Currencies currencies;

    public PostbackParser(int maxValueLength, int maxParameters, Currencies currencies) {
        this.maxValueLength = maxValueLength;
        this.maxParameters = maxParameters;
        this.currencies = currencies;
    }

    public PostbackParser(int maxValueLength, int maxParameters) {
        this(maxValueLength, maxParameters, new Currencies(Currencies.DEFAULT_EXTRAS));
    }

    @Autowired
    public PostbackParser(PostbackProperties properties) {
        this(properties.maxValueLength(), properties.maxParameters(), properties.currencies());
    }

    /**
     * {@code parse_postback_data}: the event a request describes, or why it describes none.
     * {@code params} maps each name to every value it was sent with (query string and body
     * together); {@code receivedAt} stands in for a missing or unreadable {@code date}.
     */
    public ParseResult parse(String network, NetworkProfile profile, Map<String, List<String>> params,
                             Instant receivedAt, boolean test) {
        Rejection shapeProblem = checkShape(params);
        if (shapeProblem != null) {
            return new ParseResult.Invalid(shapeProblem);
        }
        NetworkProfile.ParameterNames names = profile.parameters();
        List<Warning> warnings = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, sent) -> values.put(name, sent.isEmpty() ? "" : sent.getFirst()));

        Optional<Rejection> eventMacro = essentialMacro(values, names.event());
        if (eventMacro.isPresent()) {
            return new ParseResult.Invalid(eventMacro.get());
        }
        String eventName = single(values, names.event());
        if (eventName == null) {
            return invalid("missing_event", names.event(), "the event parameter '" + names.event() + "' is required");
        }
        String canonical = profile.eventAliases().get(eventName.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            return invalid("unknown_event", names.event(), "unknown event '" + eventName + "'; expected one of "
                    + profile.eventAliases().keySet().stream().sorted().toList());
        }
        EventType type = EventType.fromCanonicalName(canonical);
        List<String> essential = type.requiresAmount()
                ? List.of(names.playerId(), names.amount()) : List.of(names.playerId());
        for (String name : essential) {
            Optional<Rejection> macro = essentialMacro(values, name);
            if (macro.isPresent()) {
                return new ParseResult.Invalid(macro.get());
            }
        }
        treatOptionalMacrosAsAbsent(values, warnings);

        String playerId = single(values, names.playerId());
        if (playerId == null) {
            return invalid("missing_player_id", names.playerId(), "the player ID parameter '" + names.playerId() + "' is required");
        }
        if (!PLAYER_ID.matcher(playerId).matches()) {
            return invalid("invalid_player_id", names.playerId(), "the player ID may hold only letters, digits and _.:- (at most 64)");
        }

        String amountText = single(values, names.amount());
        if (amountText == null && type.requiresAmount()) {
            return invalid("missing_amount", names.amount(), "a " + type.canonicalName() + " postback needs '" + names.amount() + "'");
        }
        String currencyText = single(values, names.currency());
        String currency = currencies.code(profile.defaultCurrency()).orElse(profile.defaultCurrency());
        if (currencyText != null) {
            Optional<String> code = currencies.code(currencyText);
            if (code.isEmpty()) {
                return invalid("invalid_currency", names.currency(), "'" + currencyText + "' is not a currency code; "
                        + currencies.hint(currencyText));
            }
            currency = code.get();
        }
        Money money = null;
        if (amountText != null) {
            try {
                money = new Money(Amounts.parse(amountText), currency);
            } catch (Amounts.InvalidAmount e) {
                return invalid("invalid_amount", names.amount(), e.getMessage());
            }
        }

        String transactionId = single(values, names.transactionId());
        String eventId = single(values, names.eventId());
        for (var reference : List.of(names.transactionId(), names.eventId())) {
            String value = single(values, reference);
            if (value != null && !REFERENCE.matcher(value).matches()) {
                return invalid("invalid_reference", reference, "'" + reference + "' may hold only letters, digits and _.:@+=- (at most 128)");
            }
        }
        String date = single(values, names.date());
        Instant eventTime = receivedAt;
        if (date != null) {
            switch (EventDates.read(date, ZoneOffset.UTC)) {
                case EventDates.Read read -> eventTime = read.at();
                case EventDates.OutOfRange outOfRange -> {
                    return invalid("invalid_date", names.date(), outOfRange.message());
                }
                case EventDates.Unreadable unreadable -> warnings.add(new Warning(Warning.UNREADABLE_DATE, names.date(),
                        unreadable.message() + "; the time of receipt was used"));
            }
        }
        if (type.requiresAmount() && transactionId == null && date == null && eventId == null) {
            warnings.add(new Warning(Warning.NO_TRANSACTION_ID, names.transactionId(), "no '" + names.transactionId()
                    + "' or '" + names.date() + "': identical postbacks count as one only within the dedupe window;"
                    + " add " + names.transactionId() + "={" + names.transactionId() + "} to the cabinet's URL"));
        }
        String clickId = single(values, names.clickId());
        return new ParseResult.Parsed(new PostbackEvent(network, type, playerId, money, transactionId, eventId, date,
                eventTime, clickId, test), List.copyOf(warnings));
    }

    /** The best guess at a refused request's event and player, for the log; values as sent, possibly null. */
    public static Identity identify(NetworkProfile profile, Map<String, String> params) {
        String event = params.get(profile.parameters().event());
        String canonical = event == null ? null : profile.eventAliases().get(event.trim().toLowerCase(Locale.ROOT));
        return new Identity(canonical != null ? canonical : event, params.get(profile.parameters().playerId()));
    }

    /** A refused request's event (canonical when known) and player ID, as far as they could be read. */
    public record Identity(String event, String playerId) {
    }

    private Rejection checkShape(Map<String, List<String>> params) {
        if (params.size() > maxParameters) {
            return Rejection.badRequest("too_many_parameters", null, "at most " + maxParameters + " parameters are accepted");
        }
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            String name = entry.getKey();
            if (name.length() > MAX_NAME_LENGTH || hasControlCharacters(name)) {
                return Rejection.badRequest("invalid_parameter_name", null,
                        "parameter names must be at most " + MAX_NAME_LENGTH + " printable characters");
            }
            if (entry.getValue().size() > 1) {
                return Rejection.badRequest("repeated_parameter", name, "'" + name + "' was sent more than once");
            }
            String value = entry.getValue().isEmpty() ? "" : entry.getValue().getFirst();
            if (value.length() > maxValueLength) {
                return Rejection.badRequest("value_too_long", name, "'" + name + "' is longer than " + maxValueLength + " characters");
            }
            if (value.indexOf('\uFFFD') >= 0) {
                return Rejection.badRequest("invalid_encoding", name, "'" + name + "' is not valid UTF-8");
            }
            if (hasControlCharacters(value)) {
                return Rejection.badRequest("invalid_characters", name, "'" + name + "' contains control characters");
            }
        }
        return null;
    }

    private static Optional<Rejection> essentialMacro(Map<String, String> values, String name) {
        String value = values.get(name);
        Matcher macro = value == null ? null : MACRO.matcher(value);
        if (macro == null || !macro.find()) {
            return Optional.empty();
        }
        return Optional.of(Rejection.badRequest(Warning.UNSUBSTITUTED_MACRO, name, "'" + name + "' holds "
                + macro.group() + ": the partner program did not substitute this macro, and the postback cannot be"
                + " processed without it; check the postback URL in its cabinet"));
    }

    /** Any other parameter holding a macro is read as if it had not been sent. */
    private static void treatOptionalMacrosAsAbsent(Map<String, String> values, List<Warning> warnings) {
        values.replaceAll((name, value) -> {
            Matcher macro = MACRO.matcher(value);
            if (!macro.find()) {
                return value;
            }
            warnings.add(new Warning(Warning.UNSUBSTITUTED_MACRO, name, "'" + name + "' holds " + macro.group()
                    + ": the cabinet did not substitute this macro, so it was treated as absent; remove it from the"
                    + " cabinet's URL or choose a macro the partner program has"));
            return "";
        });
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    /** The value, or null when absent or empty (cabinets send {@code amount=} for "no amount"). */
    private static String single(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ParseResult invalid(String error, String parameter, String message) {
        return new ParseResult.Invalid(Rejection.badRequest(error, parameter, message));
    }
}
