package org.postbackbridge.integration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.postbackbridge.integration.apikeys.ApiScope;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request to {@code /api/v1} that carries a live API key, with a role per scope it holds.
 * Refusing a request without one is left to the access rules.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String READ_ROLE = "API_READ";
    public static final String WRITE_ROLE = "API_WRITE";

    private final ApiKeys keys;
    private final RequestMatcher paths;

    public ApiKeyFilter(ApiKeys keys, RequestMatcher paths) {
        this.keys = keys;
        this.paths = paths;
    }

    /** Whether the request's bearer token is shaped as an API key (and so is not an admin token guess). */
    public static boolean carriesApiKey(HttpServletRequest request) {
        String key = bearer(request);
        return key != null && key.startsWith(ApiKeys.KEY_PREFIX);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.matches(request) || !carriesApiKey(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        keys.scopeOf(bearer(request)).ifPresent(scope -> {
            List<SimpleGrantedAuthority> roles = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_" + READ_ROLE)));
            if (scope == ApiScope.READ_WRITE) {
                roles.add(new SimpleGrantedAuthority("ROLE_" + WRITE_ROLE));
            }
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("api key", null, roles));
        });
        chain.doFilter(request, response);
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }
}
