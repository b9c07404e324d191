package org.postbackbridge.admin.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.springframework.web.util.HtmlUtils;

/** The cabinet's CSV uploaded through the console against postbacks sent over HTTP. */
@IntegrationTest
class ReconcileConsoleTest extends PostbackTestBase {

    static final Pattern CSV_FIELD = Pattern.compile("name=\"csv\" value=\"([^\"]*)\"", Pattern.DOTALL);

    @Test
    void showsWhatNeverReachedUsAndWhatTheCabinetLacks() {
        LinkedPlayer both = linkedPlayer("en");
        postback("event=first_deposit&user_id=" + both.playerId() + "&amount=1000.5&transaction_id=r-" + both.playerId()
                + "&date=2026-11-20T12:00:00Z");
        String onlyOurs = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + onlyOurs + "&date=2026-11-20T13:00:00Z");
        String onlyCabinet = TestUsers.newPlayerId();
        String csv = "ID игрока;Событие;Сумма;Дата\n"
                + both.playerId() + ";Регистрация;;" + today() + "\n"
                + both.playerId() + ";Первый депозит;1 000,50;20.11.2026 15:00\n"
                + onlyCabinet + ";Депозит;300;20.11.2026 16:00\n"
                + "broken;Депозит;300;someday\n";
        ConsoleClient console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
        console.get("/admin/reconcile");

        // Spreadsheet programs in Russian write CSV in Windows-1251.
        Http.Response preview = console.postMultipart("/admin/reconcile/preview", Map.of("network", "1win"), "file",
                "cabinet.csv", csv.getBytes(Charset.forName("windows-1251")));
        assertThat(preview.body()).contains("<th>ID игрока</th>", "<option value=\"0\" selected=\"selected\">ID игрока</option>",
                "<option value=\"first_deposit\" selected=\"selected\">first_deposit</option>");

        Http.Response report = console.postMultipart("/admin/reconcile", Map.of("network", "1win",
                "csv", csvField(preview.body()), "player", "0", "event", "1", "amount", "2", "date", "3"),
                null, null, null);

        String page = report.body();
        assertThat(section(page, "missing")).contains("data-player=\"" + onlyCabinet + "\"")
                .doesNotContain("data-player=\"" + both.playerId() + "\"");
        assertThat(section(page, "extra")).contains("data-player=\"" + onlyOurs + "\"")
                .doesNotContain("data-player=\"" + both.playerId() + "\"");
        assertThat(section(page, "problems")).contains("line 5", "&#39;someday&#39; is in no known format");
    }

    @Test
    void aFileWithoutRowsSaysSo() {
        ConsoleClient console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
        console.get("/admin/reconcile");

        Http.Response preview = console.postMultipart("/admin/reconcile/preview", Map.of("network", "1win"), "file",
                "empty.csv", "\n".getBytes(StandardCharsets.UTF_8));

        assertThat(preview.body()).contains("id=\"error\"", "the file is empty");
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }

    private static String csvField(String page) {
        Matcher field = CSV_FIELD.matcher(page);
        assertThat(field.find()).as("the confirmation form carries the file").isTrue();
        return HtmlUtils.htmlUnescape(field.group(1));
    }

    private static String section(String page, String tableId) {
        int start = page.indexOf("id=\"" + tableId + "\"");
        assertThat(start).as("table " + tableId).isPositive();
        return page.substring(start, page.indexOf("</table>", start));
    }
}
