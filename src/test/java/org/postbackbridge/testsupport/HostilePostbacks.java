package org.postbackbridge.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A reproducible corpus of malformed and hostile postbacks: each is a well-formed 1Win postback
 * with one thing broken, so every one of them must be refused with a 4xx.
 */
public final class HostilePostbacks {

    /** One raw HTTP/1.0 request and what it tries. */
    public record Hostile(String kind, String request) {
    }

    private static final String[] INJECTIONS = {
            "' OR '1'='1", "1; DROP TABLE users; --", "\" OR 1=1 --", "<script>alert(1)</script>", "<b>x</b>",
            "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd", "%00", "1 UNION SELECT * FROM settings", "{{7*7}}",
    };
    private static final String[] BAD_AMOUNTS = {
            "-1", "-0.01", "NaN", "nan", "Infinity", "-Infinity", "1e5", "1E-3", "0x10", "1,000", "1 000", "+5",
            "99999999999999999999", "1.123456789", ".5", "5.", "١٢٣", "1_000", "", " ", "1e309",
            "1e10000000", "1234567890123456789", "0.1234567891234567890", "9".repeat(200),
    };
    /** Macros in the parameters a postback cannot be processed without; in any other they are warnings. */
    private static final String[] MACROS = {"{user_id}", "{amount}", "{event}"};
    private static final String[] BAD_DATES = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "1999-12-31T23:59:59Z", "2101-01-01", "100000000", "9999999999999", "31.12.9999 23:59"};
    private static final String[] BAD_CURRENCIES = {"rubles", "руб", "$", "XYZ", "USD1", "доллар", "RUBLE"};
    /** Characters Tomcat refuses in a query unless told otherwise, sent raw. */
    private static final String[] RAW = {"{", "}", "|", "[", "]", "^", "\\", "\"", "<", ">", "`"};

    private HostilePostbacks() {
    }

    public static List<Hostile> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Function<Random, Hostile>> makers = List.of(
                HostilePostbacks::missingRequired,
                HostilePostbacks::repeatedParameter,
                HostilePostbacks::hugeValue,
                HostilePostbacks::hugeJsonBody,
                HostilePostbacks::invalidUtf8,
                HostilePostbacks::brokenPercentEncoding,
                HostilePostbacks::controlCharacters,
                HostilePostbacks::injectionInValidatedField,
                HostilePostbacks::badAmount,
                HostilePostbacks::unsubstitutedMacro,
                HostilePostbacks::wrongContentType,
                HostilePostbacks::tooManyParameters,
                HostilePostbacks::malformedJson,
                HostilePostbacks::unknownEvent,
                HostilePostbacks::rawMacroInEssentialParameter,
                HostilePostbacks::rawCharactersInPlayerId,
                HostilePostbacks::dateOutOfRange,
                HostilePostbacks::currencyWord,
                HostilePostbacks::oversizeFormBody,
                HostilePostbacks::oversizeQueryString,
                HostilePostbacks::unknownNetworkWithRawCharacters);
        List<Hostile> corpus = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            corpus.add(makers.get(i % makers.size()).apply(random));
        }
        return corpus;
    }

    private static String base(Random random) {
        return "event=deposit&user_id=H" + random.nextInt(1_000_000) + "&amount=" + (1 + random.nextInt(5000))
                + "&transaction_id=h" + random.nextLong();
    }

    private static Hostile get(String kind, String query) {
        return new Hostile(kind, "GET /postback/1win?" + query + " HTTP/1.0\r\nHost: t\r\n\r\n");
    }

    private static Hostile post(String kind, String query, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Hostile(kind, "POST /postback/1win" + (query.isEmpty() ? "" : "?" + query) + " HTTP/1.0\r\nHost: t\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + bytes.length + "\r\n\r\n"
                + new String(bytes, StandardCharsets.ISO_8859_1));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Hostile missingRequired(Random random) {
        String[] variants = {"amount=10&transaction_id=x", "event=deposit&amount=10", "event=deposit&user_id=1",
                "event=withdrawal&user_id=1", "event=win&user_id=2", "", "sub1=abc", "user_id=&event=deposit&amount=1"};
        return get("missing parameter", variants[random.nextInt(variants.length)]);
    }

    private static Hostile repeatedParameter(Random random) {
        String[] names = {"event", "user_id", "amount", "transaction_id", "sub1", "currency"};
        String name = names[random.nextInt(names.length)];
        return get("repeated parameter", base(random) + "&sub1=a&currency=RUB&" + name + "=" + random.nextInt(100) + "&" + name + "=2");
    }

    private static Hostile hugeValue(Random random) {
        String[] names = {"user_id", "amount", "sub1", "transaction_id", "sub3", "country"};
        return get("huge value", base(random) + "&" + names[random.nextInt(names.length)] + "_x=" + "A".repeat(300 + random.nextInt(6000)));
    }

    private static Hostile hugeJsonBody(Random random) {
        return post("huge body", "", "application/json",
                "{\"event\":\"deposit\",\"user_id\":\"1\",\"amount\":\"5\",\"pad\":\"" + "x".repeat(17_000 + random.nextInt(20_000)) + "\"}");
    }

    private static Hostile invalidUtf8(Random random) {
        String[] bytes = {"%FF", "%C3%28", "%E2%82", "%F0%28%8C%BC", "%C0%AF", "%ED%A0%80"};
        return get("invalid UTF-8", base(random).replaceFirst("user_id=H", "user_id=H" + bytes[random.nextInt(bytes.length)]));
    }

    private static Hostile brokenPercentEncoding(Random random) {
        String[] broken = {"%ZZ", "%", "%4", "%G1", "%%"};
        return get("broken percent-encoding", base(random) + "&sub1=a" + broken[random.nextInt(broken.length)]);
    }

    private static Hostile controlCharacters(Random random) {
        String[] controls = {"%00", "%01", "%07", "%0A", "%0D", "%1B", "%7F", "%C2%85", "%E2%80%A8"};
        String[] names = {"user_id", "sub1", "transaction_id", "sub2", "source_name"};
        return get("control characters", base(random) + "&" + names[random.nextInt(names.length)] + "2=a"
                + controls[random.nextInt(controls.length)] + "b");
    }

    private static Hostile injectionInValidatedField(Random random) {
        String[] fields = {"user_id", "currency", "transaction_id", "event"};
        String field = fields[random.nextInt(fields.length)];
        String query = base(random).replaceAll("(^|&)" + field + "=[^&]*", "");
        return get("injection string", query + "&" + field + "=" + encode(INJECTIONS[random.nextInt(INJECTIONS.length)]));
    }

    private static Hostile badAmount(Random random) {
        String amount = BAD_AMOUNTS[random.nextInt(BAD_AMOUNTS.length)];
        return get("bad amount", base(random).replaceAll("amount=\\d+", "amount=" + encode(amount)));
    }

    private static Hostile unsubstitutedMacro(Random random) {
        String macro = MACROS[random.nextInt(MACROS.length)];
        String name = macro.substring(1, macro.length() - 1);
        String query = base(random).replaceAll("(^|&)" + name + "=[^&]*", "");
        return get("unsubstituted macro", query + "&" + name + "=" + encode(macro) + optionalMacros(random));
    }

    /** Macros left in parameters the postback can do without: they ride along, and refuse nothing by themselves. */
    private static String optionalMacros(Random random) {
        String[] optional = {"&currency={currency}", "&sub2={sub2}", "&date=%7Bdate%7D", "&country={country}", ""};
        return optional[random.nextInt(optional.length)];
    }

    private static Hostile rawMacroInEssentialParameter(Random random) {
        String macro = MACROS[random.nextInt(MACROS.length)];
        String name = macro.substring(1, macro.length() - 1);
        String query = base(random).replaceAll("(^|&)" + name + "=[^&]*", "");
        return get("raw unsubstituted macro", query + "&" + name + "=" + macro + optionalMacros(random));
    }

    private static Hostile rawCharactersInPlayerId(Random random) {
        String raw = RAW[random.nextInt(RAW.length)];
        return get("raw characters in the player ID", base(random).replace("user_id=H", "user_id=H" + raw)
                + "&sub3=a" + RAW[random.nextInt(RAW.length)] + "b");
    }

    private static Hostile dateOutOfRange(Random random) {
        return get("date out of range", base(random) + "&date=" + encode(BAD_DATES[random.nextInt(BAD_DATES.length)]));
    }

    private static Hostile currencyWord(Random random) {
        return get("not a currency", base(random) + "&currency=" + encode(BAD_CURRENCIES[random.nextInt(BAD_CURRENCIES.length)]));
    }

    private static Hostile oversizeFormBody(Random random) {
        return post("oversize form body", "", "application/x-www-form-urlencoded",
                base(random) + "&sub2=" + "B".repeat(20_000 + random.nextInt(40_000)));
    }

    private static Hostile oversizeQueryString(Random random) {
        return get("oversize query string", base(random) + "&sub2=" + "Q".repeat(9_000 + random.nextInt(20_000)));
    }

    private static Hostile unknownNetworkWithRawCharacters(Random random) {
        String[] paths = {"/postback/1vin", "/postback/{network}", "/postback/1win|x", "/postback/" + "n".repeat(300)};
        return new Hostile("unknown network", "GET " + paths[random.nextInt(paths.length)] + "?" + base(random)
                + " HTTP/1.0\r\nHost: t\r\n\r\n");
    }

    private static Hostile wrongContentType(Random random) {
        String[] types = {"text/xml", "text/plain", "application/octet-stream", "multipart/form-data; boundary=x", "image/png"};
        return post("wrong content type", "", types[random.nextInt(types.length)], base(random));
    }

    private static Hostile tooManyParameters(Random random) {
        StringBuilder query = new StringBuilder(base(random));
        int extra = 70 + random.nextInt(200);
        for (int i = 0; i < extra; i++) {
            query.append("&p").append(i).append('=').append(i);
        }
        return get("too many parameters", query.toString());
    }

    private static Hostile malformedJson(Random random) {
        String[] bodies = {"{", "[1,2]", "\"deposit\"", "{\"event\":{\"a\":1}}", "{\"user_id\":[1]}", "nul", "{\"a\":1,}"};
        return post("malformed JSON", "", "application/json", bodies[random.nextInt(bodies.length)]);
    }

    private static Hostile unknownEvent(Random random) {
        String[] events = {"bet", "DEPOSITS", "registration2", "refund", "chargeback", "<x>", "депозит"};
        return get("unknown event", base(random).replace("event=deposit", "event=" + encode(events[random.nextInt(events.length)])));
    }
}
