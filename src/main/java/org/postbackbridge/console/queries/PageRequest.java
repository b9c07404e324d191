package org.postbackbridge.console.queries;

import java.util.List;

/**
 * Which page of a list the operator asked for ({@code ?page=2&size=100}): pages count from 1, and
 * the size is one of {@link #SIZES}; anything else reads as the nearest sensible choice.
 * {@code parameter} is the query parameter that carries the page number, {@code page} unless a page
 * holds more than one list.
 */
public record PageRequest(int page, int size, String parameter) {

    public static final List<Integer> SIZES = List.of(25, 50, 100, 200);
    public static final int DEFAULT_SIZE = 50;
    /** Past this an offset walks too far into a large table; the filters narrow a search instead. */
    static final int MAX_PAGE = 10_000;

    public static PageRequest of(Integer page, Integer size) {
        return of("page", page, size);
    }

    public static PageRequest of(String parameter, Integer page, Integer size) {
        int chosenSize = size != null && SIZES.contains(size) ? size : DEFAULT_SIZE;
        int chosenPage = page == null || page < 1 ? 1 : Math.min(page, MAX_PAGE);
        return new PageRequest(chosenPage, chosenSize, parameter);
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** Rows to fetch for a list that is not counted: one more than a page shows, to learn whether another follows. */
    public int sizeWithProbe() {
        return size + 1;
    }
}
