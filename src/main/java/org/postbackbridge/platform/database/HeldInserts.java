package org.postbackbridge.platform.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source, whose connections can hold back inserts nobody waits for (an
 * event logged, a message queued) while a group-commit batch runs, and send them together, one
 * round trip per table, just before the batch commits. On PostgreSQL every statement is a round trip
 * to the server; a deposit's event and message inserts were half of its round trips.
 *
 * <p>No later statement misses what is held back: before a statement that names a table with rows
 * held back (a read of the outbox, say) the connection sends them, so every statement sees what the
 * transaction wrote before it, and the rows of one table are inserted in the order they were held.
 * Statements on other tables (finding a player's user, storing the next postback) run without
 * waiting. Outside a batch, {@link #insert} runs at once.
 *
 * <p>An insert held back fails when it is sent, not where it was made; {@link GroupCommit} then
 * runs the batch again a savepoint per unit, without holding anything back, so the unit at fault is
 * refused alone.
 *
 * <p>SQLite runs in the process: a statement there costs no round trip, and holding inserts back
 * only cost its writer more CPU per postback. There {@link #sentAtOnce} hands out plain connections.
 */
public final class HeldInserts extends DelegatingDataSource {

    private static final Pattern INSERT_INTO = Pattern.compile("^\\s*INSERT\\s+INTO\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private final JdbcTemplate jdbc = new JdbcTemplate(this);
    /** Per writer thread: null while it holds nothing back. */
    private final ThreadLocal<Held> held = new ThreadLocal<>();
    private final Map<String, Pattern> tableNames = new ConcurrentHashMap<>();
    private final boolean holdsBack;

    /** Holds inserts back within group-commit batches. */
    public HeldInserts(DataSource target) {
        this(target, true);
    }

    private HeldInserts(DataSource target, boolean holdsBack) {
        super(target);
        this.holdsBack = holdsBack;
    }

    /** Never holds an insert back: each runs at once, and connections are the target's own. */
    public static HeldInserts sentAtOnce(DataSource target) {
        return new HeldInserts(target, false);
    }

    /**
     * Runs {@code sql}, an {@code INSERT INTO} a single table whose outcome the caller does not need,
     * in the caller's transaction: at once, or within a group-commit batch when the transaction next
     * touches that table or commits.
     */
    public void insert(String sql, Object... args) {
        Held current = held.get();
        if (current == null) {
            jdbc.update(sql, args);
        } else {
            current.add(tableOf(sql), sql, args);
        }
    }

    /** Runs {@code work} holding inserts back, then sends them; an insert that fails throws from here. */
    void holdingBack(Runnable work) {
        if (!holdsBack) {
            work.run();
            return;
        }
        Held current = new Held();
        held.set(current);
        try {
            work.run();
            send(current);
        } finally {
            held.remove();
        }
    }

    /** Inserts held back on this thread, for tests. */
    int heldCount() {
        Held current = held.get();
        return current == null ? 0 : current.count();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return sendingBeforeStatements(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return sendingBeforeStatements(super.getConnection(username, password));
    }

    private Connection sendingBeforeStatements(Connection connection) {
        if (!holdsBack) {
            return connection;
        }
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            // Spring tells the transaction's connection from others by identity: the proxy's own.
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> {
                beforeCall(method.getName(), args);
                try {
                    yield method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(HeldInserts.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private void beforeCall(String method, Object[] args) {
        Held current = held.get();
        if (current == null || current.isEmpty()) {
            return;
        }
        switch (method) {
            case "prepareStatement", "prepareCall" -> {
                if (current.touchedBy((String) args[0])) {
                    send(current);
                }
            }
            // A plain statement's SQL is not known yet; a savepoint or commit must include the rows.
            case "createStatement", "setSavepoint", "commit" -> send(current);
            default -> { }
        }
    }

    private void send(Held current) {
        for (Run run : current.takeAll()) {
            jdbc.batchUpdate(run.sql(), run.rows());
        }
    }

    private static String tableOf(String sql) {
        Matcher insert = INSERT_INTO.matcher(sql);
        if (!insert.find()) {
            throw new IllegalArgumentException("Only an INSERT INTO one table can be held back: " + sql);
        }
        return insert.group(1).toLowerCase(Locale.ROOT);
    }

    /**
     * What one writer holds back: per table, runs of rows inserted by the same statement, in the
     * order held (each run is one JDBC batch, so one round trip).
     */
    private final class Held {

        private Map<String, List<Run>> byTable = new LinkedHashMap<>();

        void add(String table, String sql, Object[] args) {
            List<Run> runs = byTable.computeIfAbsent(table, name -> new ArrayList<>());
            if (runs.isEmpty() || !runs.getLast().sql().equals(sql)) {
                runs.add(new Run(sql, new ArrayList<>()));
            }
            runs.getLast().rows().add(args);
        }

        boolean isEmpty() {
            return byTable.isEmpty();
        }

        int count() {
            return byTable.values().stream().flatMap(List::stream).mapToInt(run -> run.rows().size()).sum();
        }

        boolean touchedBy(String sql) {
            for (String table : byTable.keySet()) {
                if (tableNames.computeIfAbsent(table, HeldInserts::wordPattern).matcher(sql).find()) {
                    return true;
                }
            }
            return false;
        }

        /** Empties the holding first, so that sending, which prepares statements itself, sends nothing twice. */
        List<Run> takeAll() {
            List<Run> taken = byTable.values().stream().flatMap(List::stream).toList();
            byTable = new LinkedHashMap<>();
            return taken;
        }
    }

    private record Run(String sql, List<Object[]> rows) {
    }

    private static Pattern wordPattern(String table) {
        return Pattern.compile("\\b" + Pattern.quote(table) + "\\b", Pattern.CASE_INSENSITIVE);
    }
}
