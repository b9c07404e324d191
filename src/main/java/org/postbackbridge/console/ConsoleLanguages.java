package org.postbackbridge.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: the one the operator picked with the switch ({@code ?lang=ru}, remembered
 * in a cookie), else the first one the browser asks for that the console speaks (Accept-Language),
 * else {@code CONSOLE_LANGUAGE}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLanguages implements WebMvcConfigurer {

    static final List<String> TAGS = List.of("en", "ru");
    static final String PARAMETER = "lang";
    static final String COOKIE = "postback_bridge_console_lang";
    private static final Duration REMEMBERED = Duration.ofDays(365);

    private final ConsoleProperties properties;

    ConsoleLanguages(ConsoleProperties properties) {
        this.properties = properties;
    }

    static boolean supports(Locale locale) {
        return locale != null && isTag(locale.getLanguage());
    }

    static boolean isTag(String language) {
        return language != null && TAGS.contains(language);
    }

    /** Named as Spring's DispatcherServlet looks it up, which replaces Spring Boot's Accept-Language-only one. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedOnly(COOKIE);
        resolver.setCookiePath("/admin");
        resolver.setCookieMaxAge(REMEMBERED);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(this::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SwitchInterceptor()).addPathPatterns("/admin", "/admin/**");
    }

    private Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale asked : Collections.list(request.getLocales())) {
                if (supports(asked)) {
                    return Locale.forLanguageTag(asked.getLanguage());
                }
            }
        }
        return properties.language();
    }

    /** Reads a cookie naming a language the console does not speak as no cookie. */
    private static final class SupportedOnly extends CookieLocaleResolver {

        SupportedOnly(String cookieName) {
            super(cookieName);
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            Locale locale = super.parseLocaleValue(value);
            return supports(locale) ? Locale.forLanguageTag(locale.getLanguage()) : null;
        }
    }

    /** The switch: {@code ?lang=ru} on any console page; a language the console does not speak is ignored. */
    static final class SwitchInterceptor extends LocaleChangeInterceptor {

        SwitchInterceptor() {
            setParamName(PARAMETER);
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            return isTag(value) ? Locale.forLanguageTag(value) : null;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws jakarta.servlet.ServletException {
            return !isTag(request.getParameter(PARAMETER)) || super.preHandle(request, response, handler);
        }
    }
}
