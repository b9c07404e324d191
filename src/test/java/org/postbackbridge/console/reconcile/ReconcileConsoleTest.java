package org.postbackbridge.console.reconcile;

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

/** The cabinet's CSV uploaded through the console against postbacks sent over HTTP. */
@IntegrationTest
class ReconcileConsoleTest extends PostbackTestBase {

    static final Pattern UPLOAD_FIELD = Pattern.compile("name=\"upload\" value=\"([0-9a-f]+)\"");

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

        Http.Response report = console.post("/admin/reconcile", "network", "1win",
                "upload", uploadField(preview.body()), "player", "0", "event", "1", "amount", "2", "date", "3");

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

    @Test
    void aFileUpToTheLimitWithManyEventNamesReconciles() {
        String player = TestUsers.newPlayerId();
        StringBuilder csv = new StringBuilder("player;event;amount;date;comment\n");
        String comment = "x".repeat(60);
        for (int i = 0; csv.length() < 9_800_000; i++) {
            csv.append(player).append(';').append(i < 150 ? "event-" + i : "Deposit").append(";10;2026-11-20 12:00;")
                    .append(comment).append('\n');
        }
        ConsoleClient console = signedIn();

        Http.Response preview = console.postMultipart("/admin/reconcile/preview", Map.of("network", "1win"), "file",
                "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().length()).as("preview page size").isLessThan(200_000);
        Http.Response report = console.post("/admin/reconcile", "network", "1win", "upload", uploadField(preview.body()),
                "player", "0", "event", "1", "amount", "2", "date", "3");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("id=\"missing\"").doesNotContain("id=\"error\"");
        assertThat(section(report.body(), "missing")).contains("data-player=\"" + player + "\"");
    }

    @Test
    void aFileOverTheLimitGetsAPageSayingSo() {
        ConsoleClient console = signedIn();

        Http.Response tooLarge = console.postMultipart("/admin/reconcile/preview", Map.of("network", "1win"), "file",
                "huge.csv", new byte[11 * 1024 * 1024]);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("<html", "id=\"error\"", "larger than 10 MB");
    }

    @Test
    void tooManyColumnsOrRowsAreRefusedWithAPageNamingTheLimit() {
        ConsoleClient console = signedIn();
        String wide = String.join(";", java.util.Collections.nCopies(100_000, "c")) + "\n1;2\n";
        String longFile = "player;event;amount;date\n" + "1;Deposit;1;2026-11-20\n".repeat(100_001);

        Http.Response columns = console.postMultipart("/admin/reconcile/preview", Map.of("network", "1win"), "file",
                "wide.csv", wide.getBytes(StandardCharsets.UTF_8));
        Http.Response rows = console.postMultipart("/admin/reconcile/preview", Map.of("network", "1win"), "file",
                "long.csv", longFile.getBytes(StandardCharsets.UTF_8));

        assertThat(columns.body()).contains("id=\"error\"", "at most 200").doesNotContain("id=\"sample\"");
        assertThat(columns.body().length()).isLessThan(50_000);
        assertThat(rows.body()).contains("id=\"error\"", "more than 100000 rows");
    }

    @Test
    void anUnknownOrExpiredUploadIsNotRead() {
        ConsoleClient console = signedIn();

        Http.Response report = console.post("/admin/reconcile", "network", "1win", "upload", "0".repeat(32),
                "player", "0", "event", "1", "amount", "2", "date", "3");

        assertThat(report.body()).contains("id=\"error\"", "upload it again");
    }

    private ConsoleClient signedIn() {
        ConsoleClient console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
        console.get("/admin/reconcile");
        return console;
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }

    private static String uploadField(String page) {
        Matcher field = UPLOAD_FIELD.matcher(page);
        assertThat(field.find()).as("the confirmation form names the kept file").isTrue();
        return field.group(1);
    }

    private static String section(String page, String tableId) {
        int start = page.indexOf("id=\"" + tableId + "\"");
        assertThat(start).as("table " + tableId).isPositive();
        return page.substring(start, page.indexOf("</table>", start));
    }
}
