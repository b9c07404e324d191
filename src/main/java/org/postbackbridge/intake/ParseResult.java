package org.postbackbridge.intake;

import java.util.List;

/** What parsing a postback's parameters gave: an event with what it was accepted in spite of, or the reason there is none. */
public sealed interface ParseResult {

    record Parsed(PostbackEvent event, List<Warning> warnings) implements ParseResult {
    }

    record Invalid(Rejection rejection) implements ParseResult {
    }
}
