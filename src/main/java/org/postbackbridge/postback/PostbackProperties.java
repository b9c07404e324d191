package org.postbackbridge.postback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param networks        profiles by the name used in {@code /postback/{network}}
 * @param maxValueLength  longer parameter values are rejected (400)
 * @param maxParameters   more parameters than this are rejected (400)
 */
@Validated
@ConfigurationProperties("postback-bridge.postback")
public record PostbackProperties(
        @NotEmpty Map<String, NetworkProfile> networks,
        @DefaultValue("256") @Min(16) @Max(4096) int maxValueLength,
        @DefaultValue("64") @Min(8) @Max(1000) int maxParameters) {
}
