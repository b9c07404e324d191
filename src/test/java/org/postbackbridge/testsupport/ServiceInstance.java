package org.postbackbridge.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postbackbridge.PostbackBridgeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole service started by a test, for what one Spring test context cannot show: a restart on
 * the same database, or several instances sharing one. Test profile, random port.
 */
public final class ServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the service on {@code databaseUrl} with these extra properties. */
    public static ServiceInstance start(String databaseUrl, Map<String, String> properties) {
        return start(databaseUrl, properties, new Class<?>[0]);
    }

    /** As {@link #start(String, Map)}, with test configurations too (e.g. {@link MovableClock.Config}). */
    public static ServiceInstance start(String databaseUrl, Map<String, String> properties,
                                        Class<?>... testConfigurations) {
        // As command-line arguments: they outrank application.yml, as environment variables would.
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=0");
        arguments.add("--postback-bridge.database.url=" + databaseUrl);
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new ServiceInstance(new SpringApplicationBuilder(PostbackBridgeApplication.class)
                .sources(testConfigurations)
                .profiles("test")
                .run(arguments.toArray(String[]::new)));
    }

    /** Properties that point an instance at a fake Bot API. */
    public static Map<String, String> telegram(FakeBotApi telegram) {
        return Map.of("postback-bridge.telegram.token", FakeBotApi.TOKEN,
                "postback-bridge.telegram.api-url", telegram.url());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Http http() {
        return new Http(port());
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
