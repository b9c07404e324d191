package org.postbackbridge.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param token {@code ADMIN_TOKEN}; when empty, one is generated at first start (see {@link AdminToken}) */
@ConfigurationProperties("postback-bridge.admin")
public record AdminProperties(@DefaultValue("") String token) {
}
