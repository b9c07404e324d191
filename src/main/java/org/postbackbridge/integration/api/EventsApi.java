package org.postbackbridge.integration.api;

import org.postbackbridge.eventlog.EventsFeed;
import org.postbackbridge.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events feed: poll with the {@code next_cursor} of the last page as {@code after}, and every
 * applied effect comes once, in order, across restarts and instances.
 */
@RestController
class EventsApi {

    static final int MAX_LIMIT = 1000;

    private final EventsFeed feed;

    EventsApi(EventsFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/v1/events")
    EventsFeed.Page events(@RequestParam(required = false) String after, @RequestParam(defaultValue = "100") String limit) {
        if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_limit", "limit must be a whole number from 1 to "
                    + MAX_LIMIT, "limit");
        }
        return feed.after(after == null || after.isEmpty() ? EventsFeed.start() : after, Integer.parseInt(limit))
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_cursor", "after must be a cursor "
                        + "this feed gave (next_cursor of a page, or an event's cursor); leave it out to start from the "
                        + "beginning", "after"));
    }
}
