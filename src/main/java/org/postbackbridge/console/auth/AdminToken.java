package org.postbackbridge.console.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;
import org.postbackbridge.platform.database.Settings;
import org.postbackbridge.platform.secrets.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The operator's bearer token: {@code ADMIN_TOKEN}, or one generated at first start. A generated
 * token is printed once and only its SHA-256 is stored, so neither the database nor later logs
 * hold it; every instance sharing the database accepts it.
 */
@Component
public class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final String SETTING = "admin_token_sha256";
    static final String RESET_ADVICE = """
            The admin token was generated at first start and printed only then. Lost it? Either set ADMIN_TOKEN \
            (in .env) to one of your own and restart, or delete the generated one and restart to have a new one \
            printed: %1$s (SQLite: sqlite3 data/postback-bridge.db "%1$s").""".formatted(Settings.deleteStatement(SETTING));

    private final Settings settings;
    private final AdminProperties properties;
    private volatile String expectedHash;

    AdminToken(Settings settings, AdminProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    public boolean matches(String given) {
        String hash = expectedHash();
        return given != null && hash != null && Secrets.constantTimeEquals(hash, Secrets.sha256Hex(given));
    }

    /**
     * A key derived from the token, for signing the console's sign-in cookie: every instance
     * sharing the database has it, and a new token invalidates every cookie signed with the old.
     */
    public String signingKey() {
        String hash = expectedHash();
        if (hash == null) {
            throw new IllegalStateException("the admin token is not set up yet");
        }
        return "console:" + hash;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureExists() {
        if (expectedHash() != null) {
            if (properties.token().isBlank()) {
                log.info(RESET_ADVICE);
            }
            return;
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (settings.putIfAbsent(SETTING, Secrets.sha256Hex(token))) {
            // Printed once on purpose: the operator needs it, and it is stored only as a hash.
            log.warn("""
                    
                    ADMIN_TOKEN is not set, so an admin token was generated. It is shown only this once:
                        {}
                    Use it as 'Authorization: Bearer <token>' for /postback/test and /api/*, and to sign in to the console at /admin.
                    Set ADMIN_TOKEN to choose your own instead.""", token);
        }
    }

    private String expectedHash() {
        if (!properties.token().isBlank()) {
            return Secrets.sha256Hex(properties.token());
        }
        String hash = expectedHash;
        if (hash == null) {
            hash = settings.get(SETTING).orElse(null);
            expectedHash = hash;
        }
        return hash;
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null. */
    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }
}
