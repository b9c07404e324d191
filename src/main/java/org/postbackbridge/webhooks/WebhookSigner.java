package org.postbackbridge.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks webhook messages as the Standard Webhooks specification says: the signature is
 * {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with the bytes that a
 * {@code whsec_} secret carries in base64.
 */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
    /** How far a timestamp may be from now before a receiver should refuse the message (replays). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    /** @param secret a {@code whsec_} secret (the prefix may be left off) */
    public WebhookSigner(String secret) {
        this.key = keyOf(secret);
    }

    /** A new random secret in {@code whsec_} form. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** True for a {@code whsec_} secret whose rest is base64 of at least 24 bytes. */
    public static boolean isValidSecret(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        try {
            return keyOf(secret).length >= SECRET_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code webhook-signature} header's value for this message. */
    public String sign(String messageId, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(messageId + "." + timestampSeconds + "." + body));
    }

    /**
     * The receiver's check: true when one of the space-separated {@code v1} signatures in
     * {@code signatureHeader} matches and the timestamp is within {@link #TOLERANCE} of {@code now}.
     */
    public boolean verify(Map<String, String> headers, String body, Instant now) {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(id, seconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures.split(" ")) {
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] keyOf(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    /** Never the secret: signers end up in log lines and debuggers. */
    @Override
    public String toString() {
        return "WebhookSigner[***]";
    }
}
