package org.postbackbridge.console.queries;

import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * One page of a list with where it is in the whole, and the links to the pages beside it, which keep
 * the page's filters. A list that is cheap to count knows its {@code total}; a long one is not
 * counted ({@code total} is null) and learns whether a next page exists from one row fetched beyond
 * the page ({@link #probed}).
 */
public record Page<T>(List<T> items, PageRequest request, Long total, boolean more) {

    /** The page of a list of {@code total} rows. */
    public static <T> Page<T> counted(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request, total, request.offset() + (long) items.size() < total);
    }

    /** The page of the rows fetched with {@link PageRequest#sizeWithProbe()}: all but the probe row. */
    public static <T> Page<T> probed(List<T> fetched, PageRequest request) {
        boolean more = fetched.size() > request.size();
        return new Page<>(more ? fetched.subList(0, request.size()) : fetched, request, null, more);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean isCounted() {
        return total != null;
    }

    /** Whether a pager belongs under the list: it has rows, or pages before this one. */
    public boolean isPaged() {
        return isCounted() ? total > 0 : !items.isEmpty() || hasPrevious();
    }

    public int number() {
        return request.page();
    }

    public long first() {
        return items.isEmpty() ? 0 : request.offset() + 1L;
    }

    public long last() {
        return request.offset() + (long) items.size();
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }

    public boolean hasNext() {
        return more && request.page() < PageRequest.MAX_PAGE;
    }

    public String previousUrl() {
        return link(ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam(request.parameter(), request.page() - 1).build());
    }

    public String nextUrl() {
        return link(ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam(request.parameter(), request.page() + 1).build());
    }

    /** The first page with {@code size} rows a page. */
    public String sizeUrl(int size) {
        return link(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(request.parameter(), 1)
                .replaceQueryParam("size", size).build());
    }

    public int size() {
        return request.size();
    }

    public List<Integer> sizes() {
        return PageRequest.SIZES;
    }

    /** The link within the console: path and query, which keep the page's filters. */
    private static String link(UriComponents uri) {
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }
}
