package org.postbackbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postbackbridge.platform.secrets.Secrets;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.StringsDSL;

class PostbackSignatureTest {

    @Test
    void hmacMatchesRfc4231TestCase2() {
        assertThat(HexFormat.of().formatHex(Secrets.hmacSha256("Jefe", "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void readmeExampleSignatureIsWhatWeCompute() {
        // The worked example in README.md, computed independently with
        // printf 'amount=1000&event=deposit&transaction_id=tx-42&user_id=12345' | openssl dgst -sha256 -hmac KEY
        Map<String, String> params = Map.of("event", "deposit", "user_id", "12345", "amount", "1000",
                "transaction_id", "tx-42");

        assertThat(PostbackSignature.sign(params, "signature", "your_secret_key_from_1win"))
                .isEqualTo("d57583f25c2a9f1d90feee13e1921f99f6a81af86a30096fb04bb4c515711596");
    }

    @Test
    void signedParametersVerifyInAnyOrderWithTheSignatureAmongThem() {
        qt().forAll(parameters(8), keys()).checkAssert((params, key) -> {
            String signature = PostbackSignature.sign(params, "signature", key);
            Map<String, String> received = new LinkedHashMap<>(params);
            received.put("signature", signature);

            assertThat(PostbackSignature.verify(received, "signature", key, signature)).isTrue();
        });
    }

    @Test
    void anyChangedValueFailsVerification() {
        qt().forAll(parameters(8), keys(), anyText().ofLengthBetween(0, 20))
                .assuming((params, key, replacement) -> !params.values().iterator().next().equals(replacement))
                .checkAssert((params, key, replacement) -> {
                    String signature = PostbackSignature.sign(params, "signature", key);
                    Map<String, String> tampered = new LinkedHashMap<>(params);
                    tampered.put(params.keySet().iterator().next(), replacement);

                    assertThat(PostbackSignature.verify(tampered, "signature", key, signature)).isFalse();
                });
    }

    @Test
    void aWrongKeyFailsVerification() {
        qt().forAll(parameters(5), keys(), keys())
                // HMAC pads a short key with zero bytes, so "k" and "k\0" are the same key by design.
                .assuming((params, key, otherKey) -> !withoutTrailingNuls(key).equals(withoutTrailingNuls(otherKey)))
                .checkAssert((params, key, otherKey) -> {
                    String signature = PostbackSignature.sign(params, "signature", key);

                    assertThat(PostbackSignature.verify(params, "signature", otherKey, signature)).isFalse();
                });
    }

    @Test
    void malformedSignaturesNeverVerify() {
        qt().forAll(anyText().ofLengthBetween(0, 80))
                .assuming(signature -> !signature.matches("[0-9a-fA-F]{64}"))
                .checkAssert(signature ->
                        assertThat(PostbackSignature.verify(Map.of("a", "b"), "signature", "k", signature)).isFalse());
    }

    /** One to {@code maxSize} parameters with alphabetic names (never "signature") and any values. */
    private static Gen<Map<String, String>> parameters(int maxSize) {
        Gen<String> names = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
                .assuming(name -> !name.equals("signature"));
        return maps().of(names, anyText().ofLengthBetween(0, 30)).ofSizeBetween(1, maxSize);
    }

    private static String withoutTrailingNuls(String key) {
        return key.replaceAll("\u0000+$", "");
    }

    @Test
    void keysThatDifferOnlyByTrailingZeroBytesAreOneKey() {
        String signature = PostbackSignature.sign(Map.of("a", "!"), "signature", "!");

        assertThat(PostbackSignature.verify(Map.of("a", "!"), "signature", "!\u0000", signature)).isTrue();
        assertThat(PostbackSignature.verify(Map.of("a", "!"), "signature", "!\u0001", signature)).isFalse();
    }

    private static Gen<String> keys() {
        return anyText().ofLengthBetween(1, 40);
    }

    /** Any text Java can encode: every code point below the surrogates (a lone surrogate encodes as '?'). */
    static StringsDSL.StringGeneratorBuilder anyText() {
        return strings().betweenCodePoints(0, 0xD7FF);
    }
}
