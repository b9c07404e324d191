package org.postbackbridge.console.reconcile;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cabinet's file between the preview and the report, kept in the database under a random ID so
 * that the confirmation form carries only the ID (and any instance of a fleet can answer it), and
 * deleted after an hour.
 */
@Component
class ReconcileUploads {

    static final Duration KEPT_FOR = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ReconcileUploads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps the file's text; returns its ID. */
    String keep(String csv) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        jdbc.sql("INSERT INTO reconcile_uploads (id, csv, created_at) VALUES (?, ?, ?)")
                .param(id).param(csv).param(clock.millis()).update();
        return id;
    }

    /** The file kept under this ID, unless it is older than an hour. */
    Optional<String> find(String id) {
        return jdbc.sql("SELECT csv FROM reconcile_uploads WHERE id = ? AND created_at > ?")
                .param(id).param(clock.millis() - KEPT_FOR.toMillis()).query(String.class).optional();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void deleteOld() {
        jdbc.sql("DELETE FROM reconcile_uploads WHERE created_at <= ?")
                .param(clock.millis() - KEPT_FOR.toMillis()).update();
    }
}
