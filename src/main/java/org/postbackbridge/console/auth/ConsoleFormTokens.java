package org.postbackbridge.console.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.postbackbridge.console.ConsoleSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The console's form tokens for Spring Security's CSRF check: derived from the sign-in cookie, so
 * nothing is stored and every instance of a fleet knows them. Without a sign-in the expected token
 * is a fresh random one that no form carries.
 */
class ConsoleFormTokens implements CsrfTokenRepository {

    static final String PARAMETER = "_csrf";
    private static final String HEADER = "X-CSRF-TOKEN";

    private final ConsoleSession session;

    ConsoleFormTokens(ConsoleSession session) {
        this.session = session;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        CsrfToken token = loadToken(request);
        return token != null ? token : new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        // Derived from the cookie on every request; there is nothing to keep.
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return session.current(request)
                .map(cookie -> (CsrfToken) new DefaultCsrfToken(HEADER, PARAMETER, session.csrfToken(cookie)))
                .orElse(null);
    }
}
