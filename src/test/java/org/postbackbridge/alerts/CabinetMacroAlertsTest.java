package org.postbackbridge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.intake.MacroLeftInCabinetUrl;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** A macro the cabinet leaves unsubstituted in an optional parameter alerts the operators once a day per network, event and parameter. */
@IntegrationTest
class CabinetMacroAlertsTest extends PostbackTestBase {

    static final long OPERATOR_CHAT = 9000001; // application-test.yml's ADMIN_CHAT_IDS

    @Autowired
    Notifier notifier;

    @Test
    void oneAlertPerNetworkEventAndParameterADay() {
        for (int i = 0; i < 3; i++) {
            Http.Response response = postback("event=withdrawal&user_id=" + TestUsers.newPlayerId()
                    + "&amount=5&country=%7Bcountry%7D&transaction_id=a-" + TestUsers.newPlayerId());
            assertThat(response.status()).isEqualTo(200);
        }
        postback("event=win&user_id=" + TestUsers.newPlayerId() + "&amount=5&country=%7Bcountry%7D&transaction_id=w-"
                + TestUsers.newPlayerId());
        http.post("/postback/test?event=withdrawal&user_id=1&amount=5&country=%7Bcountry%7D&network=1win",
                "Authorization", "Bearer " + Http.ADMIN_TOKEN);

        assertThat(alerts("{country}", "withdrawal")).singleElement().asString()
                .contains("1win").contains("{country}").contains("withdrawal");
        assertThat(alerts("{country}", "win ")).hasSize(1);

        CabinetMacroAlerts tomorrow = new CabinetMacroAlerts(notifier,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
        tomorrow.onMacroLeft(new MacroLeftInCabinetUrl("1win", "withdrawal", "country"));
        tomorrow.onMacroLeft(new MacroLeftInCabinetUrl("1win", "withdrawal", "country"));

        assertThat(alerts("{country}", "withdrawal")).hasSize(2);
    }

    private List<String> alerts(String macro, String event) {
        return outbox.forChat(OPERATOR_CHAT).stream()
                .filter(message -> message.kind().equals("alert_unsubstituted_macro"))
                .map(OutboxMessage::text)
                .filter(text -> text.contains(macro) && text.contains(" " + event))
                .toList();
    }
}
