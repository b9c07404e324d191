package org.postbackbridge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupCommitWritersTest {

    static final DatabaseUrl POSTGRES = DatabaseUrl.parse("postgres://bridge@127.0.0.1:5432/bridge");
    static final DatabaseUrl SQLITE = DatabaseUrl.parse("data/bridge.db");

    @Test
    void postgresqlGetsTheWritersSetAndSqliteOne() {
        assertThat(DatabaseConfig.writers(POSTGRES, properties(5, 2))).isEqualTo(2);
        assertThat(DatabaseConfig.writers(POSTGRES, properties(10, 4))).isEqualTo(4);
        assertThat(DatabaseConfig.writers(SQLITE, properties(5, 4))).isEqualTo(1);
    }

    @Test
    void asManyPostgresqlWritersAsPooledConnectionsStopTheStartNamingBothSettings() {
        assertThatThrownBy(() -> DatabaseConfig.writers(POSTGRES, properties(5, 5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postback-bridge.database.postgres-writers (5)")
                .hasMessageContaining("postback-bridge.database.pool-size (5)");
    }

    private static DatabaseProperties properties(int poolSize, int postgresWriters) {
        return new DatabaseProperties("", "FULL", poolSize, 256, postgresWriters, 10_000, 1000, 15_000, 3);
    }
}
