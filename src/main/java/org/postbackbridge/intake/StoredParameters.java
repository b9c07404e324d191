package org.postbackbridge.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounds what is kept of a request's parameters, so that no request, however large, stores more
 * than a few kilobytes: each value at most {@value #MAX_VALUE} characters and the whole row at most
 * {@value #MAX_ROW} characters. What is cut is marked where the operator reads it.
 */
public final class StoredParameters {

    static final int MAX_VALUE = 512;
    static final int MAX_NAME = 64;
    static final int MAX_ROW = 8 * 1024;
    /** Starts every mark, so a stored row can tell it was cut. */
    public static final String TRUNCATED = "…[truncated";
    /** The name under which parameters left out altogether are counted. */
    static final String LEFT_OUT = "…";

    private StoredParameters() {
    }

    public static Map<String, String> bounded(Map<String, String> params) {
        Map<String, String> kept = new LinkedHashMap<>();
        int size = 0;
        int index = 0;
        for (Map.Entry<String, String> param : params.entrySet()) {
            String name = cut(param.getKey(), MAX_NAME);
            String value = cut(param.getValue() == null ? "" : param.getValue(), MAX_VALUE);
            if (size + name.length() + value.length() > MAX_ROW - MAX_NAME) {
                kept.put(LEFT_OUT, TRUNCATED + ": " + (params.size() - index) + " more parameters]");
                break;
            }
            kept.put(name, value);
            size += name.length() + value.length();
            index++;
        }
        return kept;
    }

    /** {@code text}, or its start and a mark saying how long it was, in at most {@code max} characters. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String mark = TRUNCATED + ", " + text.length() + " characters]";
        return text.substring(0, Math.max(0, max - mark.length())) + mark;
    }

    /** Whether any name or value of a stored row was cut. */
    public static boolean truncated(Map<String, String> stored) {
        return stored.entrySet().stream().anyMatch(param -> param.getKey().contains(TRUNCATED)
                || param.getKey().equals(LEFT_OUT) || (param.getValue() != null && param.getValue().contains(TRUNCATED)));
    }
}
