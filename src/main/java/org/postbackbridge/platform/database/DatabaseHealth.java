package org.postbackbridge.platform.database;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the database takes writes, from a small write once a second. Health checks read the
 * last answer, so a load balancer polling health never adds load to the database.
 */
@Component
public class DatabaseHealth {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private final Settings settings;
    private final Clock clock;
    private volatile boolean writable = true;

    DatabaseHealth(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public boolean writable() {
        return writable;
    }

    @Scheduled(fixedDelayString = "${postback-bridge.database.health-probe-ms:1000}")
    void probe() {
        boolean ok;
        try {
            settings.put("health_probe", String.valueOf(clock.millis()));
            ok = true;
        } catch (RuntimeException e) {
            ok = false;
            if (writable) {
                log.error("Database is not writable: {}", e.toString());
            }
        }
        if (ok && !writable) {
            log.info("Database is writable again");
        }
        writable = ok;
    }
}
