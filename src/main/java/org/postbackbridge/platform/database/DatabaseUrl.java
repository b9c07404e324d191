package org.postbackbridge.platform.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

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
            return fromPostgresUrl(url.substring(url.indexOf("://") + 3));
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

    /** Where this vendor's schema migrations are, for Flyway. */
    public String migrations() {
        return "classpath:db/migration/" + vendor.name().toLowerCase(Locale.ROOT);
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

    /**
     * {@code user:password@host:port/db?options}. The credentials end at the last {@code @}, so a
     * password may hold {@code ? @ : /} as hosting providers generate them, raw or percent-encoded.
     * Only what follows them goes through {@link URI}, whose messages repeat their input.
     */
    private static DatabaseUrl fromPostgresUrl(String rest) {
        int at = rest.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            if (credentials.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("DATABASE_URL is not a valid postgres:// URL; "
                        + "spaces in the user name or password must be percent-encoded (%20)");
            }
            int colon = credentials.indexOf(':');
            user = decode(colon >= 0 ? credentials.substring(0, colon) : credentials);
            password = colon >= 0 ? decode(credentials.substring(colon + 1)) : null;
        }
        URI location;
        try {
            location = URI.create("postgres://" + rest.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid postgres:// URL after the password: "
                    + "expected host[:port]/database[?options]");
        }
        if (location.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host: expected postgres://user:password@host/database");
        }
        int port = location.getPort() > 0 ? location.getPort() : 5432;
        String query = location.getRawQuery() == null ? "" : "?" + location.getRawQuery();
        String jdbc = "jdbc:postgresql://" + location.getHost() + ":" + port + location.getRawPath() + query;
        return new DatabaseUrl(Vendor.POSTGRESQL, jdbc, user, password);
    }

    /** Percent-decoding as in URLs; unlike form decoding a {@code +} stays a {@code +}. */
    private static String decode(String s) {
        if (!s.matches("([^%]|%[0-9A-Fa-f]{2})*")) {
            return s;
        }
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
