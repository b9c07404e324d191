package org.postbackbridge.console.queries;

import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * One page of a list with where it is in the whole: rows {@link #first()}–{@link #last()} of
 * {@code total}, and the links to the pages beside it, which keep the page's filters.
 */
public record Page<T>(List<T> items, PageRequest request, long total) {

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public long first() {
        return items.isEmpty() ? 0 : request.offset() + 1L;
    }

    public long last() {
        return request.offset() + (long) items.size();
    }

    public long pages() {
        return Math.max(1, (total + request.size() - 1) / request.size());
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }

    public boolean hasNext() {
        return last() < total && request.page() < PageRequest.MAX_PAGE;
    }

    public String previousUrl() {
        return link(request.page() - 1, request.size());
    }

    public String nextUrl() {
        return link(request.page() + 1, request.size());
    }

    /** The first page with {@code size} rows a page. */
    public String sizeUrl(int size) {
        return link(1, size);
    }

    public int size() {
        return request.size();
    }

    public List<Integer> sizes() {
        return PageRequest.SIZES;
    }

    private static String link(int page, int size) {
        UriComponents uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .replaceQueryParam("size", size).build();
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }
}
