package org.postbackbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer against the Standard Webhooks specification's published test vector and its receiver rules. */
class WebhookSignerTest {

    // The vector the specification's reference libraries test against (libraries/*/tests in standard-webhooks).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant AT = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void signsThePublishedVectorExactly() {
        assertThat(new WebhookSigner(SECRET).sign(ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        // The prefix is optional in a secret, as the reference libraries accept it.
        assertThat(new WebhookSigner(SECRET.substring("whsec_".length())).sign(ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesThePublishedVectorAndOneSignatureAmongSeveral() {
        WebhookSigner signer = new WebhookSigner(SECRET);

        assertThat(signer.verify(headers(SIGNATURE), BODY, AT)).isTrue();
        assertThat(signer.verify(headers("v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
                + SIGNATURE), BODY, AT)).isTrue();
    }

    @Test
    void refusesAnAlteredSignatureBodyOrIdAndMissingHeaders() {
        WebhookSigner signer = new WebhookSigner(SECRET);

        // The specification's tests' "invalid signature": one base64 character changed.
        assertThat(signer.verify(headers("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="), BODY, AT)).isFalse();
        assertThat(signer.verify(headers(SIGNATURE), BODY.replace('2', '3'), AT)).isFalse();
        Map<String, String> otherId = headers(SIGNATURE);
        otherId.put("webhook-id", "msg_other");
        assertThat(signer.verify(otherId, BODY, AT)).isFalse();
        for (String header : new String[] {"webhook-id", "webhook-timestamp", "webhook-signature"}) {
            Map<String, String> missing = headers(SIGNATURE);
            missing.remove(header);
            assertThat(signer.verify(missing, BODY, AT)).as("without " + header).isFalse();
        }
        Map<String, String> notANumber = headers(SIGNATURE);
        notANumber.put("webhook-timestamp", "hello");
        assertThat(signer.verify(notANumber, BODY, AT)).isFalse();
    }

    @Test
    void refusesATimestampOutsideTheToleranceEitherWay() {
        WebhookSigner signer = new WebhookSigner(SECRET);

        assertThat(signer.verify(headers(SIGNATURE), BODY, AT.plus(WebhookSigner.TOLERANCE))).isTrue();
        assertThat(signer.verify(headers(SIGNATURE), BODY, AT.plus(WebhookSigner.TOLERANCE).plusSeconds(1))).isFalse();
        assertThat(signer.verify(headers(SIGNATURE), BODY, AT.minus(WebhookSigner.TOLERANCE).minusSeconds(1))).isFalse();
    }

    @Test
    void newSecretsAreValidDistinctAndSignWhatTheyVerify() {
        String first = WebhookSigner.newSecret();
        String second = WebhookSigner.newSecret();

        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(WebhookSigner.isValidSecret(first)).isTrue();
        assertThat(WebhookSigner.isValidSecret("whsec_short")).isFalse();
        assertThat(WebhookSigner.isValidSecret("whsec_not base64!!")).isFalse();
        assertThat(WebhookSigner.isValidSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).as("without the prefix").isFalse();
        WebhookSigner signer = new WebhookSigner(first);
        assertThat(signer.verify(headers(signer.sign(ID, TIMESTAMP, BODY)), BODY, AT)).isTrue();
        assertThat(new WebhookSigner(second).verify(headers(signer.sign(ID, TIMESTAMP, BODY)), BODY, AT)).isFalse();
        assertThat(signer.toString()).doesNotContain(first.substring(6));
    }

    private static Map<String, String> headers(String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", ID);
        headers.put("webhook-timestamp", String.valueOf(TIMESTAMP));
        headers.put("webhook-signature", signature);
        return headers;
    }
}
