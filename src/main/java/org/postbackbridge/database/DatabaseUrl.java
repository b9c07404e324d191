package org.postbackbridge.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The database to use, from {@code DATABASE_URL}. Accepts what operators are handed:
 * {@code postgres://user:pass@host:5432/db} (hosting providers), {@code jdbc:postgresql://…},
 * {@code jdbc:sqlite:path} or a plain file path; empty means an SQLite file under {@code ./data}.
 */
public record DatabaseUrl(Vendor vendor, String jdbcUrl, String username, String password) {

    public enum Vendor { SQLITE, POSTGRESQL }

    public static final String DEFAULT_SQLITE_FILE = "data/postback-bridge.db";

    public static DatabaseUrl parse(String raw) {
        String url = raw == null ? "" : raw.trim();
        if (url.isEmpty()) {
            return sqlite(DEFAULT_SQLITE_FILE);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            try {
                return fromPostgresUri(URI.create(url));
            } catch (IllegalArgumentException e) {
                // URI's own message repeats the whole URL, password included.
                throw new IllegalArgumentException("DATABASE_URL is not a valid postgres:// URL; "
                        + "characters such as spaces, '@' or '/' in the password must be percent-encoded");
            }
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Vendor.POSTGRESQL, url, null, null);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return new DatabaseUrl(Vendor.SQLITE, url, null, null);
        }
        if (url.contains("://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must be postgres://…, jdbc:postgresql://…, jdbc:sqlite:… or a file path");
        }
        return sqlite(url);
    }

    /** The SQLite file this URL points at, or null for PostgreSQL and in-memory databases. */
    public Path sqliteFile() {
        if (vendor != Vendor.SQLITE) {
            return null;
        }
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        path = query >= 0 ? path.substring(0, query) : path;
        return path.isEmpty() || path.startsWith(":memory:") ? null : Path.of(path);
    }

    /** Credentials are kept out of {@link #toString()} so the URL can be logged. */
    @Override
    public String toString() {
        return vendor + " " + jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }

    private static DatabaseUrl sqlite(String file) {
        return new DatabaseUrl(Vendor.SQLITE, "jdbc:sqlite:" + file, null, null);
    }

    private static DatabaseUrl fromPostgresUri(URI uri) {
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseUrl(Vendor.POSTGRESQL, jdbc, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
