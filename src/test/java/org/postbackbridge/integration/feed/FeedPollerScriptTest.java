package org.postbackbridge.integration.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbackbridge.integration.ApiKeys;
import org.postbackbridge.integration.apikeys.ApiScope;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.testsupport.VendorNeutral;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** docs/integrations/feed_poller.py, the standard-library example, reads a live service's feed with a read key. */
@IntegrationTest
@VendorNeutral
class FeedPollerScriptTest extends PostbackTestBase {

    @Autowired
    ApiKeys keys;

    @TempDir
    Path work;

    @Test
    void theExampleScriptReadsEveryEventAndGoesOnFromItsCursorAfterARestart() throws Exception {
        assumeThat(new File("/usr/bin/python3").canExecute() || new File("/usr/local/bin/python3").canExecute())
                .as("python3 is installed").isTrue();
        String key = keys.create("feed poller", ApiScope.READ).key();
        run(key); // everything before this test
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + player + "&sub1=" + user.clickToken());
        postback("event=first_deposit&user_id=" + player + "&amount=10&currency=USD&transaction_id=py" + player);

        List<String> afterRestart = run(key);

        JsonMapper json = JsonMapper.builder().build();
        assertThat(afterRestart).extracting(line -> json.readTree(line).get("type").asString())
                .containsExactly("registration", "first_deposit", "access_unlocked");
        assertThat(run(key)).isEmpty();
    }

    /** Runs the script once with the cursor file in {@code work}; its printed events. */
    private List<String> run(String key) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("python3",
                Path.of("docs/integrations/feed_poller.py").toAbsolutePath().toString(),
                "--once", "--cursor-file", work.resolve("feed.cursor").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("POSTBACK_BRIDGE_URL", "http://127.0.0.1:" + port);
        builder.environment().put("POSTBACK_BRIDGE_KEY", key);
        Process script = builder.start();
        // Read before waiting: a first run prints every earlier event, more than a pipe holds.
        String printed = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).isZero();
        return printed.lines().toList();
    }
}
