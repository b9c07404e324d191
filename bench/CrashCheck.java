import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The database side of the crash test.
 *
 * seed JDBC_URL PLAYERS            adds the bot users whose click tokens the driver uses
 * verify JDBC_URL ACKED_FILE RUN   checks every acknowledged postback is stored once with its effects
 * pending JDBC_URL                 prints how many messages are still pending in the outbox
 * telegram JDBC_URL RECORDS_FILE KILLED_AT_MS
 *                                  compares the messages marked sent with what FakeTelegram received
 * createdb JDBC_URL NAME           creates an empty PostgreSQL database on that server
 */
public class CrashCheck {

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[1])) {
            switch (args[0]) {
                case "seed" -> seed(db, Integer.parseInt(args[2]));
                case "verify" -> System.exit(verify(db, Files.readAllLines(Path.of(args[2])), args[3]) ? 0 : 1);
                case "pending" -> System.out.println(count(db, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'"));
                case "telegram" -> System.exit(telegram(db, Files.readAllLines(Path.of(args[2])), Long.parseLong(args[3])) ? 0 : 1);
                case "createdb" -> db.createStatement().execute("CREATE DATABASE " + args[2]);
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    static void seed(Connection db, int players) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO users (telegram_id, username, first_name, language, click_token, created_at, updated_at)
                VALUES (?, ?, ?, 'ru', ?, 0, 0)""")) {
            for (int p = 0; p < players; p++) {
                insert.setLong(1, 7_000_000_000L + p);
                insert.setString(2, "crash" + p);
                insert.setString(3, "Crash " + p);
                insert.setString(4, "crash-token-" + p);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static boolean verify(Connection db, List<String> acked, String run) throws Exception {
        Map<String, Integer> stored = countBy(db, "SELECT transaction_id, COUNT(*) FROM postbacks WHERE transaction_id LIKE '" + run
                + "-%' AND status = 'processed' GROUP BY transaction_id");
        Map<String, Integer> depositMessages = countBy(db, """
                SELECT p.transaction_id, COUNT(*) FROM outbox o JOIN postbacks p ON o.dedupe_key = 'postback:' || p.id || ':deposit'
                WHERE p.transaction_id LIKE '""" + run + "-%' GROUP BY p.transaction_id");
        Set<String> eventTx = new HashSet<>();
        int duplicatedEvents = 0;
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT details FROM events WHERE type = 'casino_deposit' AND details LIKE '%\"" + run + "-%'")) {
            while (rs.next()) {
                String details = rs.getString(1);
                int at = details.indexOf("\"transaction_id\":\"") + 18;
                String tx = details.substring(at, details.indexOf('"', at));
                if (!eventTx.add(tx)) {
                    duplicatedEvents++;
                }
            }
        }
        int lost = 0;
        int withoutEffects = 0;
        for (String tx : acked) {
            if (stored.getOrDefault(tx, 0) != 1) {
                lost++;
            } else if (!eventTx.contains(tx) || depositMessages.getOrDefault(tx, 0) != 1) {
                withoutEffects++;
            }
        }
        long duplicatedMessages = depositMessages.values().stream().filter(c -> c > 1).count();
        System.out.printf("acknowledged=%d stored=%d lost=%d without_effects=%d duplicated_events=%d duplicated_messages=%d "
                        + "stored_but_unacknowledged=%d%n",
                acked.size(), stored.size(), lost, withoutEffects, duplicatedEvents, duplicatedMessages,
                stored.size() - (acked.size() - lost));
        return lost == 0 && withoutEffects == 0 && duplicatedEvents == 0 && duplicatedMessages == 0;
    }

    /**
     * Each (chat, text) sent n times by the outbox should have reached Telegram n times. More is allowed
     * only in the at-least-once window: a message that reached Telegram before the kill, whose "sent"
     * was not written yet, goes again after the restart. A repeat with no delivery before the kill, or
     * none after it, is the dispatcher's own mistake; fewer deliveries than sends would be a loss.
     */
    static boolean telegram(Connection db, List<String> records, long killedAt) throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT chat_id, text FROM outbox WHERE status = 'sent'")) {
            while (rs.next()) {
                expected.merge(rs.getLong(1) + "\t" + rs.getString(2).replace("\n", "\\n"), 1, Integer::sum);
            }
        }
        Map<String, List<Long>> received = new HashMap<>();
        for (String line : records) {
            String[] parts = line.split("\t", 2);
            received.computeIfAbsent(parts[1], key -> new java.util.ArrayList<>()).add(Long.parseLong(parts[0]));
        }
        long twice = 0;
        long twiceOutsideWindow = 0;
        long never = 0;
        for (Map.Entry<String, Integer> message : expected.entrySet()) {
            List<Long> times = received.getOrDefault(message.getKey(), List.of());
            int extra = times.size() - message.getValue();
            if (extra > 0) {
                twice += extra;
                boolean acrossTheCrash = times.stream().anyMatch(t -> t < killedAt) && times.stream().anyMatch(t -> t > killedAt);
                if (!acrossTheCrash) {
                    twiceOutsideWindow += extra;
                }
            }
            never += Math.max(0, -extra);
        }
        long unknown = received.keySet().stream().filter(key -> !expected.containsKey(key)).count();
        System.out.printf("telegram: sent=%d received=%d delivered_twice=%d (outside_crash_window=%d) never_delivered=%d "
                        + "received_not_sent=%d%n", expected.values().stream().mapToInt(Integer::intValue).sum(), records.size(),
                twice, twiceOutsideWindow, never, unknown);
        return never == 0 && unknown == 0 && twiceOutsideWindow == 0;
    }

    static Map<String, Integer> countBy(Connection db, String sql) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
