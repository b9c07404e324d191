package org.postbackbridge.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Without ADMIN_TOKEN a token is generated at first start, printed once, and stored only as a hash. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "postback-bridge.admin.token=")
class GeneratedAdminTokenTest {

    private static final Pattern PRINTED = Pattern.compile("shown only this once:\\s+(\\S+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AdminToken adminToken;

    @Test
    void generatedTokenIsPrintedOnceWorksAndIsStoredOnlyAsAHash(CapturedOutput output) {
        Matcher printed = PRINTED.matcher(output.getAll());
        assertThat(printed.find()).as("the generated token is in the start-up log").isTrue();
        String token = printed.group(1);

        Http.Response withToken = new Http(port).get("/api/stats", "Authorization", "Bearer " + token);
        Http.Response withoutToken = new Http(port).get("/api/stats");

        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withoutToken.status()).isEqualTo(401);
        String stored = jdbc.sql("SELECT value FROM settings WHERE name = 'admin_token_sha256'").query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(token);

        adminToken.ensureExists();
        assertThat(PRINTED.matcher(output.getAll()).results().count()).as("printed only once").isEqualTo(1);
    }

    @Test
    void everyLaterStartSaysHowToGetANewTokenWithoutPrintingOne(CapturedOutput output) {
        adminToken.ensureExists();

        String afterAdvice = output.getAll().substring(output.getAll().lastIndexOf("Lost it?"));
        assertThat(afterAdvice).contains("set ADMIN_TOKEN")
                .contains("DELETE FROM settings WHERE name = 'admin_token_sha256'")
                .doesNotContain("shown only this once");
    }
}
