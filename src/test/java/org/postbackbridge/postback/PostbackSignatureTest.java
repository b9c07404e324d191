package org.postbackbridge.postback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.postbackbridge.secrets.Secrets;

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

    @Property
    void signedParametersVerifyInAnyOrderWithTheSignatureAmongThem(
            @ForAll @Size(min = 1, max = 8) Map<@AlphaChars @NotEmpty String, String> params,
            @ForAll @NotEmpty String key) {
        params.remove("signature");
        String signature = PostbackSignature.sign(params, "signature", key);
        Map<String, String> received = new LinkedHashMap<>(params);
        received.put("signature", signature);

        assertThat(PostbackSignature.verify(received, "signature", key, signature)).isTrue();
    }

    @Property
    void anyChangedValueFailsVerification(
            @ForAll @Size(min = 1, max = 8) Map<@AlphaChars @NotEmpty String, String> params,
            @ForAll @NotEmpty String key, @ForAll String replacement) {
        params.remove("signature");
        String signature = PostbackSignature.sign(params, "signature", key);
        String name = params.keySet().iterator().next();
        Assume.that(!params.get(name).equals(replacement));
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put(name, replacement);

        assertThat(PostbackSignature.verify(tampered, "signature", key, signature)).isFalse();
    }

    @Property
    void aWrongKeyFailsVerification(@ForAll @Size(min = 1, max = 5) Map<@AlphaChars @NotEmpty String, String> params,
                                    @ForAll @NotEmpty String key, @ForAll @NotEmpty String otherKey) {
        Assume.that(!key.equals(otherKey));
        params.remove("signature");
        String signature = PostbackSignature.sign(params, "signature", key);

        assertThat(PostbackSignature.verify(params, "signature", otherKey, signature)).isFalse();
    }

    @Property
    void malformedSignaturesNeverVerify(@ForAll String signature) {
        Assume.that(!signature.matches("[0-9a-fA-F]{64}"));
        assertThat(PostbackSignature.verify(Map.of("a", "b"), "signature", "k", signature)).isFalse();
    }
}
