package org.postbackbridge.console.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.postbackbridge.platform.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request to an admin-token path that carries {@code Authorization: Bearer <admin token>},
 * and answers 429 while {@link AdminAttempts} makes the sender wait. Refusing a request without the
 * right token is left to the access rules.
 */
class AdminTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "ADMIN";

    private final AdminAttempts attempts;
    private final RequestMatcher paths;

    AdminTokenFilter(AdminAttempts attempts, RequestMatcher paths) {
        this.attempts = attempts;
        this.paths = paths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (attempts.check(AdminToken.bearer(request), request.getRemoteAddr())) {
            case ACCEPTED -> AccessRules.signIn("admin", ROLE);
            case TOO_MANY_WRONG_TOKENS -> {
                ApiError.of(AdminAttempts.TOO_MANY_WRONG_TOKENS_ERROR, AdminAttempts.TOO_MANY_WRONG_TOKENS_MESSAGE, null)
                        .send(response, HttpStatus.TOO_MANY_REQUESTS);
                return;
            }
            case REFUSED -> { }
        }
        chain.doFilter(request, response);
    }
}
