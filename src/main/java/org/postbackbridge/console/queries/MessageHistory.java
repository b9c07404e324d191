package org.postbackbridge.console.queries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.HtmlUtils;

/** Every message in the outbox, whatever became of it, newest first, by user, kind, status and date. Read-only. */
@Repository
public class MessageHistory {

    /**
     * {@code text} as the user reads it: the outbox holds Telegram HTML, unless Telegram could not
     * parse it and it went as plain text. {@code sentAt}: when it was sent, recorded (dry-run) or
     * given up on; null while pending.
     */
    public record Message(long id, long chatId, String kind, String text, String status, int attempts, String lastError,
                   Instant createdAt, Instant sentAt) {
    }

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** Null fields do not filter; the dates are epoch millis, {@code from} inclusive, {@code until} exclusive. */
    public record Search(Long chatId, String kind, String status, Long fromMillis, Long untilMillis) {
    }

    private final JdbcClient jdbc;

    MessageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the messages found, newest first; not counted, as the outbox holds months of messages. */
    public Page<Message> page(Search search, PageRequest page) {
        return Page.probed(find(search, page.offset(), page.sizeWithProbe()), page);
    }

    private List<Message> find(Search search, int offset, int limit) {
        return new SqlFilter()
                .where("chat_id = :chat", "chat", search.chatId())
                .where("kind = :kind", "kind", search.kind())
                .where("status = :status", "status", search.status())
                .where("created_at >= :from", "from", search.fromMillis())
                .where("created_at < :until", "until", search.untilMillis())
                .apply(jdbc, "SELECT id, chat_id, kind, text, plain_text, status, attempts, last_error, created_at, sent_at"
                        + " FROM outbox",
                        " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset)
                .query(MessageHistory::map).list();
    }

    private static Message map(ResultSet rs, int row) throws SQLException {
        long sentAt = rs.getLong("sent_at");
        Instant sent = rs.wasNull() ? null : Instant.ofEpochMilli(sentAt);
        String text = rs.getInt("plain_text") == 1 ? rs.getString("text")
                : HtmlUtils.htmlUnescape(TAG.matcher(rs.getString("text")).replaceAll(""));
        return new Message(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("kind"), text,
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                Instant.ofEpochMilli(rs.getLong("created_at")), sent);
    }
}
