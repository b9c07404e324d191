package org.postbackbridge.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the service is ready, a request waits for a database connection only
 * {@code connectionTimeoutMs}, so a database that is gone is answered with a quick 503; until then
 * (migrations, the first connection) the pool waits {@code startupConnectionTimeoutMs}.
 */
@Component
class RequestConnectionTimeout {

    private final HikariDataSource pool;
    private final DatabaseProperties properties;

    RequestConnectionTimeout(HikariDataSource pool, DatabaseProperties properties) {
        this.pool = pool;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void shortenOnceReady() {
        pool.getHikariConfigMXBean().setConnectionTimeout(properties.connectionTimeoutMs());
    }
}
