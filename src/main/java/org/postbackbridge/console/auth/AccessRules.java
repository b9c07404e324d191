package org.postbackbridge.console.auth;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.postbackbridge.console.ConsoleSession;
import org.postbackbridge.integration.ApiKeyFilter;
import org.postbackbridge.integration.ApiKeys;
import org.postbackbridge.telegram.TelegramProperties;
import org.postbackbridge.platform.web.ApiError;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every access rule of the service, in one place. Rules match the path as the application sees it
 * (decoded and normalised), and the firewall refuses paths that could be read two ways (encoded
 * slashes, dots or percent signs, {@code ;} parameters, backslashes, control characters) before any
 * rule is asked, so {@code /actuator/%70rometheus} is the protected {@code /actuator/prometheus} and
 * {@code /actuator;a=b/prometheus} is a 400.
 *
 * <ul>
 *   <li>The admin token ({@code Authorization: Bearer}): {@code /api/**}, {@code /postback/test}, and
 *       the actuator's endpoints but health, unless {@code METRICS_PUBLIC} opens them.</li>
 *   <li>{@code /api/v1/**} also takes an API key ({@code Authorization: Bearer pbb_…}): reads with either
 *       scope, writes with {@code read+write}. An API key is never counted as a wrong admin token. The
 *       API's description ({@code /api/v1/openapi.json}, browsable at {@code /api/v1/docs}) is open.</li>
 *   <li>The console ({@code /admin/**}): a signed-in browser, and the form token on every post.</li>
 *   <li>{@code /telegram/webhook}: Telegram's secret header, checked before the body is read.</li>
 *   <li>Everything else (postbacks, health) is open; intake authenticates postbacks per network.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Partner programs' postbacks and the health check: open, answered to servers, never to a
     * browser, so no security filter at all; the firewall below still refuses paths that could be
     * read two ways, since it guards every request before a chain is chosen. An open chain built
     * with {@link HttpSecurity} would still run half a dozen filters on every postback. The tester
     * ({@code /postback/test}) is not matched here: it takes the admin token below.
     */
    @Bean
    @Order(1)
    SecurityFilterChain postbackChain() {
        RequestMatcher tester = new OrRequestMatcher(pathPattern("/postback/test"), pathPattern("/postback/test/**"));
        RequestMatcher postbacks = pathPattern("/postback/**");
        return new DefaultSecurityFilterChain(request -> postbacks.matches(request) && !tester.matches(request));
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AdminAttempts attempts, ConsoleSession session,
                                             AdminProperties admin, TelegramProperties telegram, ApiKeys apiKeys) {
        RequestMatcher health = new OrRequestMatcher(pathPattern("/actuator/health"), pathPattern("/actuator/health/**"));
        RequestMatcher actuator = new OrRequestMatcher(pathPattern("/actuator"), pathPattern("/actuator/**"));
        RequestMatcher metrics = request -> actuator.matches(request) && !health.matches(request);
        RequestMatcher adminTokenPaths = new OrRequestMatcher(pathPattern("/api/**"), pathPattern("/postback/test"),
                pathPattern("/postback/test/**"), admin.metricsPublic() ? request -> false : metrics);
        RequestMatcher apiV1 = pathPattern("/api/v1/**");
        RequestMatcher apiDescription = new OrRequestMatcher(pathPattern("/api/v1/openapi.json"),
                pathPattern("/api/v1/openapi.json/**"), pathPattern("/api/v1/docs"), pathPattern("/swagger-ui/**"));
        RequestMatcher apiV1Reads = new OrRequestMatcher(pathPattern(HttpMethod.GET, "/api/v1/**"),
                pathPattern(HttpMethod.HEAD, "/api/v1/**"));
        RequestMatcher adminTokenGuesses = request -> adminTokenPaths.matches(request)
                && !(apiV1.matches(request) && ApiKeyFilter.carriesApiKey(request));
        RequestMatcher console = new OrRequestMatcher(pathPattern("/admin"), pathPattern("/admin/**"));
        RequestMatcher consoleOpen = new OrRequestMatcher(pathPattern("/admin/login"), pathPattern("/admin/*.css"),
                pathPattern("/admin/*.js"));

        http
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(apiDescription).permitAll()
                        .requestMatchers(apiV1Reads).hasAnyRole(AdminTokenFilter.ROLE, ApiKeyFilter.READ_ROLE)
                        .requestMatchers(apiV1).hasAnyRole(AdminTokenFilter.ROLE, ApiKeyFilter.WRITE_ROLE)
                        .requestMatchers(adminTokenPaths).hasRole(AdminTokenFilter.ROLE)
                        .requestMatchers(consoleOpen).permitAll()
                        .requestMatchers(console).hasRole(ConsoleSignInFilter.ROLE)
                        .anyRequest().permitAll())
                .addFilterAfter(new WebhookGuard(telegram), HeaderWriterFilter.class)
                .addFilterBefore(new AdminTokenFilter(attempts, adminTokenGuesses), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyFilter(apiKeys, apiV1), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new ConsoleSignInFilter(session, console), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(new ConsoleFormTokens(session))
                        .csrfTokenRequestHandler(new ConsoleFormTokenReader())
                        // Only a signed-in browser's posts are read for a form token; any other post to the
                        // console is sent to sign in without its body being read.
                        .requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                                && console.matches(request) && session.current(request).isPresent()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/admin/login"), console)
                        .defaultAuthenticationEntryPointFor((request, response, e) -> apiKeyRequired(response), apiV1)
                        .defaultAuthenticationEntryPointFor((request, response, e) -> adminTokenRequired(response),
                                request -> true)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> ApiError.of("read_only_api_key",
                                "this API key may only read; create a key with the read+write scope in the console "
                                + "(API keys) to change anything", null).send(response, HttpStatus.FORBIDDEN), apiV1)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> ApiError.of("invalid_form_token",
                                        "the form is out of date or came from another site; reload the page and try again",
                                        null).send(response, HttpStatus.FORBIDDEN), request -> true));
        return http
                // No HTTP session, no saved request, and none of Spring Security's own login or logout pages.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .build();
    }

    /**
     * No observation around each filter of the chain, nor around each authentication and access
     * decision. With the actuator present Spring Security would otherwise time every one of its
     * filters on every request, postbacks included: under postback load a fifth of the service's CPU
     * samples went to that (docs/BENCHMARKS.md). Requests stay timed once, as a whole
     * ({@code http_server_requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's firewall with its path rules. Parameter values and header values are left
     * to the application, which reads everything a partner program sends and refuses with reasons.
     */
    @Bean
    StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterNames(name -> true);
        firewall.setAllowedParameterValues(value -> true);
        firewall.setAllowedHeaderValues(value -> true);
        return firewall;
    }

    /** A path the firewall refuses gets the same JSON as every other error, and nothing is logged about it. */
    @Bean
    RequestRejectedHandler refusedPaths() {
        return (request, response, e) -> ApiError.of("invalid_path", "the path holds an encoded or "
                + "unusual character sequence (such as %2F, %2e, %25, ';', '//', '..' or a backslash) that could be "
                + "read two ways; send the plain path", null).send(response, HttpStatus.BAD_REQUEST);
    }

    /** Marks the current request as signed in with this role, for the rules above. */
    static void signIn(String who, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                who, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private static void apiKeyRequired(HttpServletResponse response) throws java.io.IOException {
        ApiError.of("api_key_required", "send 'Authorization: Bearer <key>' with an API key created in the console "
                + "(API keys), or with the admin token", null).send(response, HttpStatus.UNAUTHORIZED);
    }

    private static void adminTokenRequired(HttpServletResponse response) throws java.io.IOException {
        ApiError.of("admin_token_required", "send 'Authorization: Bearer <token>' with the admin token: the "
                + "ADMIN_TOKEN variable, or, when it is not set, the token generated at first start and printed once "
                + "in the service log (for /actuator/prometheus, METRICS_PUBLIC=true opens it instead)", null)
                .send(response, HttpStatus.UNAUTHORIZED);
    }
}
