package org.postbackbridge.console.tester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.postbackbridge.intake.CabinetUrls;
import org.postbackbridge.intake.Warning;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** The tester reads a postback as the endpoint does: the same warnings, the same bounds, the same cabinet URLs. */
@IntegrationTest
class TesterWarningsTest extends PostbackTestBase {

    @Autowired
    PostbackTester tester;
    @Autowired
    CabinetUrls cabinetUrls;

    @Test
    void optionalMacrosAndAMissingTransactionIdAreShownAsWarnings() {
        PostbackTester.Verdict verdict = tester.run("1win", "https://example.com/postback/1win?event=deposit&user_id="
                + TestUsers.newPlayerId() + "&amount=100&currency={currency}&sub1={sub1}", false);

        assertThat(stage(verdict, "Parsed").state()).isEqualTo(PostbackTester.State.PASS);
        assertThat(verdict.warnings()).extracting(Warning::code, Warning::parameter).containsExactly(
                Tuple.tuple("unsubstituted_macro", "currency"),
                Tuple.tuple("unsubstituted_macro", "sub1"),
                Tuple.tuple("no_transaction_id", "transaction_id"));
    }

    @Test
    void datesAmountsAndCurrenciesAreBoundedAsOnTheEndpoint() {
        for (String query : List.of("amount=5&date=%2B999999999-12-31T23:59:59Z", "amount=1e10000000",
                "amount=5&currency=rubles")) {
            PostbackTester.Verdict verdict = tester.run("1win", "event=deposit&user_id=1&transaction_id=t&" + query, false);
            assertThat(stage(verdict, "Parsed").detail()).as(query).startsWith("400 invalid_");
        }
    }

    @Test
    void everyCabinetUrlCarriesTheTransactionId() {
        assertThat(cabinetUrls.of("1win", "https://example.com")).isNotEmpty()
                .allSatisfy(url -> assertThat(url.url()).contains("&transaction_id={transaction_id}"));
    }

    private static PostbackTester.Stage stage(PostbackTester.Verdict verdict, String name) {
        return verdict.stages().stream().filter(stage -> stage.name().equals(name)).findFirst().orElseThrow();
    }
}
