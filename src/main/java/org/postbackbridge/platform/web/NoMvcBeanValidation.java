package org.postbackbridge.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC validates nothing here: no controller takes {@code @Valid} input, each checks its own and
 * answers 400 naming the problem. Without this MVC would start Hibernate Validator, which is on the
 * classpath only because springdoc reads its annotation types, at every start (docs/BENCHMARKS.md).
 */
@Configuration(proxyBeanMethods = false)
class NoMvcBeanValidation implements WebMvcConfigurer {

    @Override
    public Validator getValidator() {
        return new Validator() {
            @Override
            public boolean supports(Class<?> type) {
                return false;
            }

            @Override
            public void validate(Object target, Errors errors) {
                // Never called: supports nothing.
            }
        };
    }
}
