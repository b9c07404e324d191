package org.postbackbridge.admin.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.postbackbridge.admin.AdminToken;
import org.postbackbridge.secrets.Secrets;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The console's sign-in: a cookie holding an expiry signed with a key derived from the admin
 * token. Nothing is kept on the server, so every instance of a fleet accepts it without sticky
 * sessions, and changing {@code ADMIN_TOKEN} signs everyone out. Forms carry a token derived from
 * the cookie as well, on top of {@code SameSite=Strict}, so another site cannot post them.
 */
@Component
class ConsoleSession {

    static final String COOKIE = "postback_bridge_console";
    static final String CSRF_PARAMETER = "_csrf";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final AdminToken adminToken;
    private final Clock clock;

    ConsoleSession(AdminToken adminToken, Clock clock) {
        this.adminToken = adminToken;
        this.clock = clock;
    }

    /** Signs the operator in on this browser. */
    void start(HttpServletRequest request, HttpServletResponse response) {
        String expiry = String.valueOf(clock.millis() + LIFETIME.toMillis());
        write(request, response, expiry + "." + sign("session:" + expiry), LIFETIME);
    }

    void end(HttpServletRequest request, HttpServletResponse response) {
        write(request, response, "", Duration.ZERO);
    }

    /** The request's cookie, when it is signed by us and not expired. */
    Optional<String> current(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(this::valid)
                .findFirst();
    }

    /** The form token that goes with this cookie. */
    String csrfToken(String cookie) {
        return sign("csrf:" + cookie);
    }

    boolean csrfMatches(String cookie, String given) {
        return Secrets.constantTimeEquals(csrfToken(cookie), given);
    }

    private boolean valid(String cookie) {
        int dot = cookie.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String expiry = cookie.substring(0, dot);
        if (!Secrets.constantTimeEquals(sign("session:" + expiry), cookie.substring(dot + 1))) {
            return false;
        }
        return Long.parseLong(expiry) > clock.millis();
    }

    private String sign(String value) {
        return HexFormat.of().formatHex(Secrets.hmacSha256(adminToken.signingKey(), value));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
                .path("/admin")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .maxAge(maxAge)
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
