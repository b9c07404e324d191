package org.postbackbridge.platform.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Every connection has {@link HeadDeadlineProtocol#DEADLINE} to send its request line and headers.
 * Only tests set {@code postback-bridge.web.request-head-deadline}, to see a trickling client cut
 * off without waiting the full ten seconds.
 */
@Configuration(proxyBeanMethods = false)
class RequestHeadDeadline implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Duration deadline;

    RequestHeadDeadline(@Value("${postback-bridge.web.request-head-deadline:10s}") Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(HeadDeadlineProtocol.class.getName());
        factory.addConnectorCustomizers(connector ->
                connector.setProperty("headDeadlineMillis", String.valueOf(deadline.toMillis())));
    }
}
