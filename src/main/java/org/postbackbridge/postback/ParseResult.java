package org.postbackbridge.postback;

/** What parsing a postback's parameters gave: an event, or the reason there is none. */
public sealed interface ParseResult {

    record Parsed(PostbackEvent event) implements ParseResult {
    }

    record Invalid(Rejection rejection) implements ParseResult {
    }
}
