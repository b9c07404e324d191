package org.postbackbridge.console.auth;

import java.time.Instant;

/** More wrong admin tokens arrived within a minute than {@code ADMIN_WRONG_TOKENS_PER_MINUTE} allows. */
public record AdminTokenGuessing(int perMinute, Instant refusedUntil) {
}
