package org.postbackbridge.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.postbackbridge.web.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/prometheus} wants the admin token, like the rest of the console, unless the
 * operator opens it ({@code METRICS_PUBLIC=true}, e.g. for a Prometheus on a private network).
 * A filter, because actuator endpoints do not pass Spring MVC's interceptors.
 */
@Component
class MetricsAccessFilter extends OncePerRequestFilter {

    private final AdminAttempts attempts;
    private final JsonMapper json;
    private final boolean metricsPublic;

    MetricsAccessFilter(AdminAttempts attempts, JsonMapper json,
                        @Value("${postback-bridge.admin.metrics-public:false}") boolean metricsPublic) {
        this.attempts = attempts;
        this.json = json;
        this.metricsPublic = metricsPublic;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return metricsPublic || !request.getRequestURI().startsWith("/actuator/prometheus");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AdminAttempts.Verdict verdict = attempts.check(AdminToken.bearer(request), request.getRemoteAddr());
        if (verdict == AdminAttempts.Verdict.ACCEPTED) {
            chain.doFilter(request, response);
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (verdict == AdminAttempts.Verdict.TOO_MANY_WRONG_TOKENS) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            json.writeValue(response.getOutputStream(), ApiError.of(AdminAttempts.TOO_MANY_WRONG_TOKENS_ERROR,
                    AdminAttempts.TOO_MANY_WRONG_TOKENS_MESSAGE, null));
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        json.writeValue(response.getOutputStream(), ApiError.of("admin_token_required",
                "send 'Authorization: Bearer <token>' with the admin token, or set METRICS_PUBLIC=true", null));
    }
}
