package org.postbackbridge.intake;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.postbackbridge.platform.secrets.Secrets;

/**
 * HMAC-SHA256 postback signatures: hex, over every parameter except the signature itself,
 * sorted by name and joined as {@code k=v&k=v} with URL-decoded values.
 */
public final class PostbackSignature {

    private PostbackSignature() {
    }

    /** The string that is signed. */
    public static String canonicalString(Map<String, String> params, String signatureParameter) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> !e.getKey().equals(signatureParameter))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    public static String sign(Map<String, String> params, String signatureParameter, String secretKey) {
        return HexFormat.of().formatHex(Secrets.hmacSha256(secretKey, canonicalString(params, signatureParameter)));
    }

    /** {@code verify_signature}: true when the signature matches. Constant-time in the signature's content; any case of hex. */
    public static boolean verify(Map<String, String> params, String signatureParameter, String secretKey,
                                 String signature) {
        if (signature == null || !signature.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        byte[] expected = Secrets.hmacSha256(secretKey, canonicalString(params, signatureParameter));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.toLowerCase()));
    }
}
