package org.postbackbridge.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the postback log is narrowed to; blank fields do not filter. Bound from the query string. */
public record PostbackFilter(String network, String event, String status, String player) {

    /** A condition (" WHERE …" or empty) and its named parameters. */
    public record Where(String sql, Map<String, Object> params) {
    }

    static PostbackFilter none() {
        return new PostbackFilter(null, null, null, null);
    }

    /** The filter's condition, and {@code extra} (SQL, may be empty) with it. */
    public Where where(String extra) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        add(conditions, params, "network", network);
        add(conditions, params, "event", event);
        add(conditions, params, "status", status);
        add(conditions, params, "player_id", player == null ? null : player.trim());
        if (!extra.isEmpty()) {
            conditions.add(extra);
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static void add(List<String> conditions, Map<String, Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = :" + column);
            params.put(column, value);
        }
    }
}
