package org.postbackbridge.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.postbackbridge.console.auth.AdminToken;
import org.postbackbridge.platform.secrets.Secrets;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The console's sign-in: a random cookie, known to the server by an HMAC of it in
 * {@code console_sessions}. Every instance of a fleet shares the table, so no sticky sessions are
 * needed; signing out deletes the row, so a copied cookie stops working; changing
 * {@code ADMIN_TOKEN} changes the HMAC key and signs everyone out. Forms carry a token derived from
 * the cookie as well, on top of {@code SameSite=Strict}, so another site cannot post them.
 */
@Component
public class ConsoleSession {

    static final String COOKIE = "postback_bridge_console";
    /** The answer of {@link #current}, kept for the rest of the request (the access rules ask twice). */
    private static final String CURRENT = ConsoleSession.class.getName() + ".current";
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminToken adminToken;
    private final JdbcClient jdbc;
    private final Clock clock;

    ConsoleSession(AdminToken adminToken, JdbcClient jdbc, Clock clock) {
        this.adminToken = adminToken;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Signs the operator in on this browser. */
    void start(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("DELETE FROM console_sessions WHERE expires_at <= ?").param(clock.millis()).update();
        jdbc.sql("INSERT INTO console_sessions (id_hash, expires_at) VALUES (?, ?)")
                .param(sign("session:" + cookie)).param(clock.millis() + LIFETIME.toMillis()).update();
        write(request, response, cookie, LIFETIME);
    }

    /** Signs this browser out, on the server too: the cookie is worthless from now on, wherever it is. */
    void end(HttpServletRequest request, HttpServletResponse response) {
        current(request).ifPresent(cookie -> jdbc.sql("DELETE FROM console_sessions WHERE id_hash = ?")
                .param(sign("session:" + cookie)).update());
        request.setAttribute(CURRENT, Optional.empty());
        write(request, response, "", Duration.ZERO);
    }

    /** The request's cookie, when it names a sign-in that has not ended or expired. */
    @SuppressWarnings("unchecked")
    public Optional<String> current(HttpServletRequest request) {
        if (request.getAttribute(CURRENT) instanceof Optional<?> known) {
            return (Optional<String>) known;
        }
        Cookie[] cookies = request.getCookies();
        Optional<String> current = cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(this::valid)
                .findFirst();
        request.setAttribute(CURRENT, current);
        return current;
    }

    /** The form token that goes with this cookie. */
    public String csrfToken(String cookie) {
        return sign("csrf:" + cookie);
    }

    private boolean valid(String cookie) {
        if (cookie.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM console_sessions WHERE id_hash = ? AND expires_at > ?")
                .param(sign("session:" + cookie)).param(clock.millis()).query(Long.class).single() > 0;
    }

    private String sign(String value) {
        return HexFormat.of().formatHex(Secrets.hmacSha256(adminToken.signingKey(), value));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
                .path("/admin")
                .httpOnly(true)
                // True for HTTPS, and behind a proxy that says the original request was (X-Forwarded-Proto).
                .secure(request.isSecure())
                .sameSite("Strict")
                .maxAge(maxAge)
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
