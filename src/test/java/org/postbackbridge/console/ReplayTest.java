package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A refused postback is run again from the console after review, as if it had just arrived: one
 * refused for authentication only on the operator's explicit word. Every replay is an operator action.
 */
@IntegrationTest
class ReplayTest extends PostbackTestBase {

    @Autowired
    JdbcClient jdbc;

    ConsoleClient console;

    @BeforeEach
    void signIn() {
        console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
    }

    @Test
    void aDepositRefusedForAnOldTokenIsReplayedOnlyWhenTheOperatorAcceptsItAnyway() {
        BotUser user = TestUsers.started(users, "en");
        String player = TestUsers.newPlayerId();
        http.post("/postback/rotated?event=registration&user_id=" + player + "&sub1=" + user.clickToken()
                + "&token=new-token-2026");
        Http.Response refused = http.post("/postback/rotated?event=deposit&user_id=" + player
                + "&amount=500&transaction_id=old-" + player + "&token=old-token-2025");
        assertThat(refused.status()).isEqualTo(401);
        long id = rejectedId(player);

        console.get("/admin/postbacks?player=" + player);
        Http.Response asked = console.post("/admin/postbacks/replay", "id", String.valueOf(id));

        assertThat(asked.body()).contains("id=\"confirm-replay\"").contains("Accept anyway");
        assertThat(reload(user).signalsUnlocked()).isFalse();
        assertThat(actions(id)).isEmpty();

        Http.Response accepted = console.post("/admin/postbacks/replay", "id", String.valueOf(id), "acceptAnyway", "true");

        assertThat(accepted.body()).contains("was run again");
        assertThat(reload(user).signalsUnlocked()).isTrue();
        assertThat(messageKinds(user)).containsExactly("registration", "deposit", "signals_unlocked");
        assertThat(actions(id)).singleElement().asString()
                .startsWith("replay_postback processed as postback #").endsWith("accepted without authentication");
        assertThat(jdbc.sql("SELECT warnings FROM postbacks WHERE player_id = ? AND status = 'processed' AND event = 'deposit'")
                .param(player).query(String.class).single()).contains("replayed");

        console.post("/admin/postbacks/replay", "id", String.valueOf(id), "acceptAnyway", "true");

        assertThat(messageKinds(user)).as("a second replay is a duplicate").hasSize(3);
        assertThat(actions(id)).hasSize(2).last().asString().isEqualTo("replay_postback duplicate, accepted without authentication");
    }

    @Test
    void aPostbackRefusedForAMacroTheServiceNowReadsAsAbsentIsReplayedWithoutConfirmation() {
        String player = TestUsers.newPlayerId();
        long id = storeRefused(player, """
                {"event":"deposit","user_id":"%s","amount":"75","currency":"{currency}","transaction_id":"r-%s"}"""
                .formatted(player, player), "unsubstituted_macro: 'currency' holds {currency}");

        console.get("/admin/postbacks?player=" + player);
        console.post("/admin/postbacks/replay", "id", String.valueOf(id));

        assertThat(jdbc.sql("SELECT status || ' ' || amount || ' ' || currency FROM postbacks WHERE player_id = ? AND id <> ?")
                .param(player).param(id).query(String.class).single()).isEqualTo("unmatched 75 RUB");
        assertThat(actions(id)).singleElement().asString().startsWith("replay_postback unmatched as postback #");
        assertThat(console.get("/admin/postbacks?player=" + player).body()).contains("replayed by an operator");
    }

    @Test
    void aRowWhoseParametersWereCutIsNotReplayed() {
        String player = TestUsers.newPlayerId();
        long id = storeRefused(player, """
                {"event":"deposit","user_id":"%s","amount":"75","sub2":"xx…[truncated, 9000 characters]"}"""
                .formatted(player), "value_too_long: 'sub2' is longer than 256 characters");

        console.get("/admin/postbacks?player=" + player);
        Http.Response answer = console.post("/admin/postbacks/replay", "id", String.valueOf(id));

        assertThat(answer.body()).contains("cut when it was stored");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postbacks WHERE player_id = ?").param(player).query(Long.class).single())
                .isEqualTo(1);
    }

    private long storeRefused(String player, String params, String reason) {
        jdbc.sql("""
                INSERT INTO postbacks (network, event, player_id, params, source_ip, status, reason, event_time, received_at)
                VALUES ('1win', 'deposit', ?, ?, '198.51.100.4', 'rejected', ?, 0, 0)""")
                .param(player).param(params).param(reason).update();
        return rejectedId(player);
    }

    private long rejectedId(String player) {
        return jdbc.sql("SELECT id FROM postbacks WHERE player_id = ? AND status = 'rejected'").param(player)
                .query(Long.class).single();
    }

    private List<String> actions(long id) {
        return jdbc.sql("SELECT action || ' ' || outcome FROM operator_actions WHERE subject = ? ORDER BY id")
                .param("postback:" + id).query(String.class).list();
    }
}
