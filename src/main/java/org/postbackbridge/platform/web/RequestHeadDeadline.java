package org.postbackbridge.platform.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/** Every connection has {@link HeadDeadlineProtocol#DEADLINE} to send its request line and headers. */
@Configuration(proxyBeanMethods = false)
class RequestHeadDeadline implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(HeadDeadlineProtocol.class.getName());
    }
}
