package org.postbackbridge.console.queries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The WHERE clause of a console search: a condition for each field given, none for a field left empty. */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code condition}, which names {@code :name}, when {@code value} is not null. */
    public SqlFilter where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** {@code select} with the conditions, then {@code tail}, with the values bound. */
    public JdbcClient.StatementSpec apply(JdbcClient jdbc, String select, String tail) {
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.sql(select + where + tail).params(params);
    }
}
