package org.postbackbridge.console.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.postbackbridge.console.ConsoleSession;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in a console request whose cookie names a live sign-in, and gives its pages the form token. */
class ConsoleSignInFilter extends OncePerRequestFilter {

    static final String ROLE = "CONSOLE";
    /** Request attribute the templates put in every form. */
    static final String CSRF_ATTRIBUTE = "csrf";

    private final ConsoleSession session;
    private final RequestMatcher pages;

    ConsoleSignInFilter(ConsoleSession session, RequestMatcher pages) {
        this.session = session;
        this.pages = pages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !pages.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        session.current(request).ifPresent(cookie -> {
            AccessRules.signIn("operator", ROLE);
            request.setAttribute(CSRF_ATTRIBUTE, session.csrfToken(cookie));
        });
        chain.doFilter(request, response);
    }
}
