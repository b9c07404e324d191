package org.postbackbridge.testsupport;

import java.util.concurrent.atomic.AtomicLong;
import org.postbackbridge.attribution.ClickTokens;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;

/** Bot users for tests, with IDs no other test uses (contexts, and so databases, are shared). */
public final class TestUsers {

    private static final AtomicLong NEXT_ID = new AtomicLong(100_000 + (System.nanoTime() % 1_000_000) * 1000);

    private TestUsers() {
    }

    /** A user who pressed /start, as the bot records them, with a fresh click token. */
    public static BotUser started(UserRepository users, String language) {
        long id = NEXT_ID.incrementAndGet();
        return users.saveProfile(id, "user" + id, "User " + id, language, null, ClickTokens.newToken());
    }

    /** A player ID no other test uses. */
    public static String newPlayerId() {
        return "P" + NEXT_ID.incrementAndGet();
    }
}
