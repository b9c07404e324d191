package org.postbackbridge.postback;

/** A postback row waiting to be applied (stored as unmatched), with the event it carries. */
record StoredPostback(long id, PostbackEvent event) {
}
