package org.postbackbridge.users;

/** The seed's {@code get_stats()} figures. */
public record Stats(long totalUsers, long subscribedUsers, long signalsUnlockedUsers, long depositedUsers) {
}
