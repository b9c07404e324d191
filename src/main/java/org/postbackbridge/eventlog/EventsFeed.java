package org.postbackbridge.eventlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every applied effect in feed order, read after a cursor. A logged event can tell two effects (a
 * first deposit also unlocks access), so a cursor names the event's feed position and which of its
 * effects came last; it is opaque to readers and stays valid for good.
 */
@Component
public class EventsFeed {

    /** A page: the events, and the cursor to ask after next (the same one when there was nothing new). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page(List<FeedEvent> events, String nextCursor) {
    }

    private record Position(long feedPosition, int effect) {
    }

    private record Logged(long feedPosition, Long telegramId, String type, String details, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final FeedPositions positions;
    private final JsonMapper json;

    EventsFeed(JdbcClient jdbc, FeedPositions positions, JsonMapper json) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.json = json;
    }

    /** The logged type of a player linked by a claim or an operator (a click token's link is its registration). */
    public static final String PLAYER_LINKED = "player_linked";

    /** The logged type of a claim that ended: linked, refused or expired. */
    public static final String CLAIM_DECIDED = "claim_decided";

    /** An effect number past the last of any event (an event tells at most two). */
    private static final int AFTER_EVERY_EFFECT = 9;

    /** The cursor before the first event. */
    public static String start() {
        return cursor(new Position(0, 0));
    }

    /** The cursor after every event committed so far: where a reader that wants only what comes next starts. */
    public String end() {
        positions.assign();
        long last = jdbc.sql("SELECT COALESCE(MAX(feed_position), 0) FROM events").query(Long.class).single();
        return cursor(new Position(last, AFTER_EVERY_EFFECT));
    }

    /** Up to {@code limit} events after {@code cursor}; empty when the cursor is not one this feed gave. */
    public Optional<Page> after(String cursor, int limit) {
        Optional<Position> after = parse(cursor);
        if (after.isEmpty()) {
            return Optional.empty();
        }
        positions.assign();
        List<Logged> rows = jdbc.sql("""
                SELECT feed_position, telegram_id, type, details, created_at FROM events
                WHERE feed_position >= ? AND test_postback_id IS NULL ORDER BY feed_position LIMIT ?""")
                .params(after.get().feedPosition(), limit + 1)
                .query((rs, row) -> new Logged(rs.getLong("feed_position"),
                        rs.getObject("telegram_id") == null ? null : rs.getLong("telegram_id"), rs.getString("type"),
                        rs.getString("details"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
        List<FeedEvent> events = new ArrayList<>();
        Position last = after.get();
        for (Logged logged : rows) {
            JsonNode details = json.readTree(logged.details());
            List<FeedEventType> effects = effects(logged.type(), details);
            for (int effect = 0; effect < effects.size(); effect++) {
                Position position = new Position(logged.feedPosition(), effect + 1);
                if (position.feedPosition() == after.get().feedPosition() && position.effect() <= after.get().effect()) {
                    continue;
                }
                if (events.size() == limit) {
                    return Optional.of(new Page(events, cursor(last)));
                }
                String at = cursor(position);
                events.add(new FeedEvent("evt_" + at, at, effects.get(effect).value(), logged.telegramId(),
                        logged.createdAt(), details));
                last = position;
            }
            if (effects.isEmpty() && logged.feedPosition() > last.feedPosition()) {
                last = new Position(logged.feedPosition(), 0);
            }
        }
        return Optional.of(new Page(events, cursor(last)));
    }

    private static List<FeedEventType> effects(String type, JsonNode details) {
        return switch (type) {
            case PLAYER_LINKED -> List.of(FeedEventType.PLAYER_LINKED);
            case CLAIM_DECIDED -> List.of(FeedEventType.CLAIM_DECIDED);
            case "casino_registration" -> List.of(FeedEventType.REGISTRATION);
            case "casino_deposit" -> details.path("first").asBoolean()
                    ? List.of(FeedEventType.FIRST_DEPOSIT, FeedEventType.ACCESS_UNLOCKED) : List.of(FeedEventType.DEPOSIT);
            case "casino_withdrawal" -> List.of(FeedEventType.WITHDRAWAL);
            case "casino_win" -> List.of(FeedEventType.WIN);
            default -> List.of();
        };
    }

    private static String cursor(Position position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((position.feedPosition() + "." + position.effect()).getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<Position> parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length == 2 && parts[0].matches("\\d{1,18}") && parts[1].matches("\\d")) {
                return Optional.of(new Position(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
            }
        } catch (IllegalArgumentException e) {
            // Not base64: not a cursor of this feed.
        }
        return Optional.empty();
    }
}
