package org.postbackbridge.postback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postbackbridge.events.Money;

/**
 * Turns a postback's raw parameters into a {@link PostbackEvent}, or names the one thing wrong
 * with them. Pure: no I/O, no clock but the one passed in, so it is property-tested directly.
 */
public final class PostbackParser {

    private static final Pattern MACRO = Pattern.compile("\\{[A-Za-z0-9_]+}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,8})?");
    private static final Pattern PLAYER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z0-9]{2,10}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.:@+=-]{1,128}");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final int MAX_NAME_LENGTH = 64;

    private final int maxValueLength;
    private final int maxParameters;

    public PostbackParser(int maxValueLength, int maxParameters) {
        this.maxValueLength = maxValueLength;
        this.maxParameters = maxParameters;
    }

    /**
     * Seed: {@code parse_postback_data}. {@code params} maps each name to every value it was
     * sent with (query string and body together); {@code receivedAt} stands in for a missing
     * or unreadable {@code date}.
     */
    public ParseResult parse(String network, NetworkProfile profile, Map<String, List<String>> params,
                             Instant receivedAt, boolean test) {
        Rejection shapeProblem = checkShape(params);
        if (shapeProblem != null) {
            return new ParseResult.Invalid(shapeProblem);
        }
        NetworkProfile.ParameterNames names = profile.parameters();

        String eventName = single(params, names.event());
        if (eventName == null) {
            return invalid("missing_event", names.event(), "the event parameter '" + names.event() + "' is required");
        }
        String canonical = profile.eventAliases().get(eventName.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            return invalid("unknown_event", names.event(), "unknown event '" + eventName + "'; expected one of "
                    + profile.eventAliases().keySet().stream().sorted().toList());
        }
        EventType type = EventType.fromCanonicalName(canonical);

        String playerId = single(params, names.playerId());
        if (playerId == null) {
            return invalid("missing_player_id", names.playerId(), "the player ID parameter '" + names.playerId() + "' is required");
        }
        if (!PLAYER_ID.matcher(playerId).matches()) {
            return invalid("invalid_player_id", names.playerId(), "the player ID may hold only letters, digits and _.:- (at most 64)");
        }

        String amountText = single(params, names.amount());
        if (amountText == null && type.requiresAmount()) {
            return invalid("missing_amount", names.amount(), "a " + type.canonicalName() + " postback needs '" + names.amount() + "'");
        }
        if (amountText != null && !AMOUNT.matcher(amountText).matches()) {
            return invalid("invalid_amount", names.amount(),
                    "the amount must be a finite non-negative decimal such as 1000 or 99.50");
        }
        String currency = single(params, names.currency());
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            return invalid("invalid_currency", names.currency(), "the currency must be 2 to 10 letters or digits, such as RUB");
        }
        Money money = amountText == null ? null : new Money(new BigDecimal(amountText),
                currency == null ? profile.defaultCurrency() : currency.toUpperCase(Locale.ROOT));

        String transactionId = single(params, names.transactionId());
        String eventId = single(params, names.eventId());
        for (var reference : List.of(names.transactionId(), names.eventId())) {
            String value = single(params, reference);
            if (value != null && !REFERENCE.matcher(value).matches()) {
                return invalid("invalid_reference", reference, "'" + reference + "' may hold only letters, digits and _.:@+=- (at most 128)");
            }
        }
        String date = single(params, names.date());
        String clickId = single(params, names.clickId());
        return new ParseResult.Parsed(new PostbackEvent(network, type, playerId, money, transactionId, eventId, date,
                eventTime(date, receivedAt), clickId, test));
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
            Matcher macro = MACRO.matcher(value);
            if (macro.find()) {
                return Rejection.badRequest("unsubstituted_macro", name, "'" + name + "' holds " + macro.group()
                        + ": the partner program did not substitute this macro; check the postback URL in its cabinet");
            }
        }
        return null;
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    /** The value, or null when absent or empty (cabinets send {@code amount=} for "no amount"). */
    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.getFirst().isBlank()) {
            return null;
        }
        return values.getFirst().trim();
    }

    /** Best effort: epoch seconds or millis, ISO instants, or UTC local date-times; else receipt time. */
    static Instant eventTime(String date, Instant receivedAt) {
        if (date == null) {
            return receivedAt;
        }
        try {
            if (EPOCH.matcher(date).matches()) {
                long value = Long.parseLong(date);
                return date.length() > 10 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            }
            if (date.endsWith("Z") || date.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return java.time.OffsetDateTime.parse(date).toInstant();
            }
            if (date.contains("T")) {
                return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
            }
            if (date.contains(" ")) {
                return LocalDateTime.parse(date, SPACED).toInstant(ZoneOffset.UTC);
            }
            return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return receivedAt;
        }
    }

    private static ParseResult invalid(String error, String parameter, String message) {
        return new ParseResult.Invalid(Rejection.badRequest(error, parameter, message));
    }
}
