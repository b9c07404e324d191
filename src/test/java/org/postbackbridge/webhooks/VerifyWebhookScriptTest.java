package org.postbackbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.FreePort;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.testsupport.VendorNeutral;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/integrations/verify_webhook.py, the standard-library receiver, verifies this live service's real
 * deliveries, and its verify() agrees with the Standard Webhooks test vector. Skipped without python3,
 * except in CI, where it must run.
 */
@IntegrationTest
@VendorNeutral
// The service's real clock: the script checks timestamps against the machine's.
class VerifyWebhookScriptTest extends PostbackTestBase {

    private static final Path SCRIPT = Path.of("docs/integrations/verify_webhook.py").toAbsolutePath();

    @Autowired
    WebhookEndpoints endpoints;

    @BeforeEach
    void python3IsThere() {
        boolean installed = new File("/usr/bin/python3").canExecute() || new File("/usr/local/bin/python3").canExecute();
        if (!"true".equals(System.getenv("CI"))) {
            assumeThat(installed).as("python3 is installed").isTrue();
        }
        assertThat(installed).as("python3 is installed (CI runs this check)").isTrue();
    }

    @Test
    void theScriptVerifiesRealDeliveriesAndPrintsEachEventOnce() throws Exception {
        int port = FreePort.any();
        WebhookEndpoints.Created endpoint = endpoints.create("http://127.0.0.1:" + port + "/hooks", List.of());
        ProcessBuilder builder = new ProcessBuilder("python3", SCRIPT.toString(), "--port", String.valueOf(port),
                "--max-events", "3");
        builder.environment().put("WEBHOOK_SECRET", endpoint.secret());
        Process script = builder.start();
        try {
            BufferedReader errors = new BufferedReader(new InputStreamReader(script.getErrorStream(), StandardCharsets.UTF_8));
            assertThat(errors.readLine()).startsWith("listening on 127.0.0.1:" + port);
            CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> readAll(script));
            BotUser user = TestUsers.started(users, "en");
            String player = TestUsers.newPlayerId();

            postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
            postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=v" + player);

            assertThat(script.waitFor(60, TimeUnit.SECONDS)).as("the script got 3 events").isTrue();
            assertThat(script.exitValue()).as("no message refused").isZero();
            JsonMapper json = JsonMapper.builder().build();
            assertThat(printed.get().lines().map(json::readTree).toList())
                    .extracting(event -> event.get("type").asString() + ":" + event.get("data").get("telegram_id").asLong())
                    .containsExactly("registration:" + user.telegramId(), "first_deposit:" + user.telegramId(),
                            "access_unlocked:" + user.telegramId());
        } finally {
            script.destroyForcibly();
            endpoints.setEnabled(endpoint.endpoint().id(), false, "test over");
        }
    }

    @Test
    void theScriptsVerifyAgreesWithTheSpecificationsVectorAndRefusesATamperedOne() throws Exception {
        String check = """
                import sys; sys.path.insert(0, sys.argv[1])
                from verify_webhook import verify, WebhookVerificationError
                secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                headers = {"webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
                           "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}
                body = b'{"test": 2432232314}'
                print(verify(secret, headers, body, now=1614265330)["test"])
                for changed in ({"webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="},
                                {"webhook-timestamp": "1614265331"}):
                    try:
                        verify(secret, {**headers, **changed}, body, now=1614265330)
                        print("accepted")
                    except WebhookVerificationError:
                        print("refused")
                try:
                    verify(secret, headers, body)
                    print("accepted")
                except WebhookVerificationError:
                    print("refused")
                """;
        Process python = new ProcessBuilder("python3", "-c", check, SCRIPT.getParent().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();

        String printed = readAll(python);

        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(printed.lines().toList()).as("vector, altered signature, altered timestamp, too old")
                .containsExactly("2432232314", "refused", "refused", "refused");
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
