package org.postbackbridge.testsupport;

/**
 * A real PostgreSQL server the build brings, started once per test JVM, for machines where
 * {@code TEST_DATABASE_URL} names no server.
 */
final class EmbeddedPostgres {

    private EmbeddedPostgres() {
    }

    /** JDBC URL (with credentials) of the running server, starting it on first use. */
    static synchronized String jdbcUrl() {
        throw new IllegalStateException("TODO(postgres helper): start an embedded PostgreSQL; until then set TEST_DATABASE_URL");
    }
}
