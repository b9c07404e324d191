package org.postbackbridge.attribution;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque per-user tokens carried in the affiliate link's {@code sub1}: 128 random bits, so a
 * forged postback cannot guess one the way it could guess a Telegram ID or a sequence number.
 */
public final class ClickTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClickTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
