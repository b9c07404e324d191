import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;

/**
 * What SQLite alone costs for the rows one deposit postback writes, with nothing of ours around
 * it: the same statements as the service (read the linked user, insert the postback with its final
 * status, its event and its message), prepared once, on one thread, committed every BATCH
 * postbacks with the service's settings (WAL, synchronous=FULL, no generated-keys query). The
 * service's group-commit writer does this and more per postback (Spring's transactions and
 * savepoints, JSON, templates), so its CPU per postback, printed by postback-bench.sh, is to be
 * read against this floor. The same number of postbacks runs first, unmeasured: run straight after
 * the service stopped, a shorter warm-up left the first measured commits at twice the cost.
 *
 * java -cp CLASSPATH bench/SqliteFloor.java DB_FILE PLAYERS POSTBACKS BATCH
 *   DB_FILE: a database the service migrated, with PLAYERS players linked (postback-bench.sh makes one)
 */
public class SqliteFloor {

    public static void main(String[] args) throws Exception {
        String file = args[0];
        int players = Integer.parseInt(args[1]);
        int postbacks = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        Properties pragmas = new Properties();
        pragmas.setProperty("journal_mode", "WAL");
        pragmas.setProperty("synchronous", "FULL");
        pragmas.setProperty("temp_store", "MEMORY");
        pragmas.setProperty("foreign_keys", "true");
        pragmas.setProperty("jdbc.get_generated_keys", "false");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, pragmas)) {
            db.setAutoCommit(false);
            Statements statements = new Statements(db);
            run(db, statements, players, postbacks, batch, "warm");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            run(db, statements, players, postbacks, batch, "floor");
            double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / postbacks;
            double wallMicros = (System.nanoTime() - wall) / 1e3 / postbacks;
            System.out.printf("sqlite floor: %d deposit postbacks in batches of %d: %.0f us CPU and %.0f us wall per postback%n",
                    postbacks, batch, cpuMicros, wallMicros);
        }
    }

    private static void run(Connection db, Statements s, int players, int postbacks, int batch, String run)
            throws Exception {
        long now = System.currentTimeMillis();
        for (int n = 0; n < postbacks; n++) {
            String player = "crash-player-" + (n % players);
            String tx = run + "-" + n;
            String amount = Integer.toString(100 + n % 900);
            s.user.setString(1, "1win");
            s.user.setString(2, player);
            long telegramId;
            try (ResultSet user = s.user.executeQuery()) {
                if (!user.next()) {
                    throw new IllegalStateException(player + " is not linked");
                }
                telegramId = user.getLong("telegram_id");
                user.getString("language");
                user.getString("username");
                user.getInt("is_deposited");
            }
            s.postback.setString(1, "1win");
            s.postback.setString(2, "deposit");
            s.postback.setString(3, player);
            s.postback.setString(4, amount);
            s.postback.setString(5, "RUB");
            s.postback.setString(6, tx);
            s.postback.setString(7, "{\"event\":\"deposit\",\"user_id\":\"" + player + "\",\"amount\":\"" + amount
                    + "\",\"transaction_id\":\"" + tx + "\"}");
            s.postback.setString(8, "127.0.0.1");
            s.postback.setString(9, "1win:deposit:tx:" + tx);
            s.postback.setLong(10, telegramId);
            s.postback.setLong(11, now);
            s.postback.setLong(12, now);
            long id;
            try (ResultSet inserted = s.postback.executeQuery()) {
                inserted.next();
                id = inserted.getLong(1);
            }
            s.event.setLong(1, telegramId);
            s.event.setString(2, "{\"casino_id\":\"" + player + "\",\"amount\":" + amount
                    + ",\"currency\":\"RUB\",\"network\":\"1win\",\"timestamp\":\"2026-11-25T08:00:00Z\",\"transaction_id\":\""
                    + tx + "\",\"first\":false}");
            s.event.setLong(3, now);
            s.event.executeUpdate();
            s.message.setLong(1, telegramId);
            s.message.setString(2, "💰 Депозит получен\n\nСумма: " + amount + " ₽\nID игрока: " + player);
            s.message.setLong(3, now);
            s.message.setString(4, "postback:" + id + ":deposit");
            s.message.setLong(5, now);
            s.message.executeUpdate();
            if ((n + 1) % batch == 0 || n == postbacks - 1) {
                db.commit();
            }
        }
    }

    /** The service's statements for a deposit, prepared once. */
    private static final class Statements {
        final PreparedStatement user;
        final PreparedStatement postback;
        final PreparedStatement event;
        final PreparedStatement message;

        Statements(Connection db) throws Exception {
            user = db.prepareStatement("""
                    SELECT * FROM users WHERE telegram_id = (SELECT telegram_id FROM players WHERE network = ? AND player_id = ?)""");
            postback = db.prepareStatement("""
                    INSERT INTO postbacks (network, event, player_id, amount, currency, transaction_id, params, source_ip,
                                           idempotency_key, status, telegram_id, event_time, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'processed', ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""");
            event = db.prepareStatement("""
                    INSERT INTO events (telegram_id, type, details, created_at) VALUES (?, 'casino_deposit', ?, ?)""");
            message = db.prepareStatement("""
                    INSERT INTO outbox (chat_id, kind, text, status, attempts, next_attempt_at, dedupe_key, created_at)
                    VALUES (?, 'deposit', ?, 'pending', 0, ?, ?, ?) ON CONFLICT DO NOTHING""");
        }
    }
}
