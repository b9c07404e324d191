package org.postbackbridge.intake;

/**
 * A postback row waiting to be applied (stored as unmatched), with the event it carries. The event
 * is rebuilt from the row without {@code date} and {@code event_id}, so its idempotency key is not
 * the stored one; nothing needs it after storing.
 */
record StoredPostback(long id, PostbackEvent event) {
}
