package org.postbackbridge.platform.database;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code settings} table: small named values that every instance sharing the database sees,
 * such as the generated admin token's hash and the chats Telegram migrated.
 */
@Repository
public class Settings {

    private final JdbcClient jdbc;

    Settings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String name) {
        return jdbc.sql("SELECT value FROM settings WHERE name = ?").param(name).query(String.class).optional();
    }

    /** Stores the value unless the name already has one (another instance may have been first); true if stored. */
    public boolean putIfAbsent(String name, String value) {
        return jdbc.sql("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .param(name).param(value).update() == 1;
    }

    public void put(String name, String value) {
        jdbc.sql("""
                INSERT INTO settings (name, value) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value""")
                .param(name).param(value).update();
    }

    /** The statement an operator runs by hand to remove a setting, for advice printed in a log. */
    public static String deleteStatement(String name) {
        return "DELETE FROM settings WHERE name = '" + name + "'";
    }
}
