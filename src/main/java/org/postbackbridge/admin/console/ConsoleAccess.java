package org.postbackbridge.admin.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Console pages need a signed-in browser; a form post also needs the form token of that sign-in.
 * Without a sign-in the browser is sent to the login page.
 */
@Component
class ConsoleAccess implements HandlerInterceptor {

    /** Request attribute the templates put in every form. */
    static final String CSRF_ATTRIBUTE = "csrf";

    private final ConsoleSession session;

    ConsoleAccess(ConsoleSession session) {
        this.session = session;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Optional<String> cookie = session.current(request);
        if (cookie.isEmpty()) {
            response.sendRedirect("/admin/login");
            return false;
        }
        if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())
                && !session.csrfMatches(cookie.get(), request.getParameter(ConsoleSession.CSRF_PARAMETER))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "the form is out of date or came from another site; reload the page and try again");
            return false;
        }
        request.setAttribute(CSRF_ATTRIBUTE, session.csrfToken(cookie.get()));
        return true;
    }
}
