package org.postbackbridge.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.postbackbridge.web.ApiError;
import org.springframework.beans.factory.annotation.Value;
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

    private final AdminToken adminToken;
    private final JsonMapper json;
    private final boolean metricsPublic;

    MetricsAccessFilter(AdminToken adminToken, JsonMapper json,
                        @Value("${postback-bridge.admin.metrics-public:false}") boolean metricsPublic) {
        this.adminToken = adminToken;
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
        if (adminToken.matches(AdminToken.bearer(request))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiError.of("admin_token_required",
                "send 'Authorization: Bearer <token>' with the admin token, or set METRICS_PUBLIC=true", null));
    }
}
