package org.postbackbridge.console;

import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * One page of a list on a console page, numbered from 1, with links to the pages before and after
 * it that keep the page's other parameters. Queries fetch one row more than a page holds, so that
 * whether a next page exists is known without counting the whole table.
 */
record Paged<T>(List<T> items, int page, String newerLink, String olderLink) {

    static final int SIZE = 50;

    /** The rows to skip for {@code page}; pages below 1 are page 1. */
    static int offset(int page) {
        return (Math.max(page, 1) - 1) * SIZE;
    }

    /** Rows to fetch for a page: one more than it shows. */
    static int fetch() {
        return SIZE + 1;
    }

    /** The page of {@code fetched} rows, whose number the current request carries in {@code parameter}. */
    static <T> Paged<T> of(List<T> fetched, int page, String parameter) {
        int number = Math.max(page, 1);
        boolean more = fetched.size() > SIZE;
        return new Paged<>(more ? fetched.subList(0, SIZE) : fetched, number,
                number > 1 ? link(parameter, number - 1) : null, more ? link(parameter, number + 1) : null);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    private static String link(String parameter, int page) {
        UriComponents current = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(parameter, page)
                .build();
        return current.getPath() + "?" + current.getQuery();
    }
}
