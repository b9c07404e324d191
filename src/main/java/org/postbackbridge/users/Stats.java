package org.postbackbridge.users;

/** The figures of {@code get_stats()}: the bot's users and how far they got. */
public record Stats(long totalUsers, long subscribedUsers, long signalsUnlockedUsers, long depositedUsers) {
}
