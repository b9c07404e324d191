package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.postbackbridge.testsupport.Chromium;
import org.postbackbridge.testsupport.ConsoleClient;
import org.postbackbridge.testsupport.FreshDatabaseInitializer;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every existing console page in English and in Russian, in a real browser: the switch and its
 * cookie, dates in CONSOLE_TIME_ZONE on one line, plural forms, paging, events as sentences, the
 * funnel's subscribed step with a gate, charts per currency and CSV downloads per language. The bot
 * here has a subscription gate; ConsoleBrowserTest's has none. Runs in the SQLite pass, as the pages
 * are the same on both databases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "postback-bridge.console.time-zone=Asia/Tokyo", "postback-bridge.bot.required-channel-id=@gate_channel"})
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@ActiveProfiles("test")
@DirtiesContext
class ConsoleLanguagesBrowserTest extends PostbackTestBase {

    /** Each page by its path, with its heading in English and in Russian. */
    private static final List<List<String>> PAGES = List.of(
            List.of("/admin/setup", "Setup", "Настройка"),
            List.of("/admin", "Funnel", "Воронка"),
            List.of("/admin/postbacks", "Postbacks", "Постбэки"),
            List.of("/admin/outbox", "Outbox", "Очередь"),
            List.of("/admin/users", "Users", "Пользователи"),
            List.of("/admin/claims", "Claims waiting for you", "Заявки ждут решения"),
            List.of("/admin/events", "Events", "События"),
            List.of("/admin/tester", "Postback URLs for the cabinet", "Адреса постбэков для кабинета"),
            List.of("/admin/reconcile", "Reconcile with the cabinet", "Сверка с кабинетом"),
            List.of("/admin/api-keys", "API keys", "Ключи API"));

    static ChromeDriver browser;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void freshBrowser() {
        browser = Chromium.shared();
    }

    @Test
    void everyPageIsInTheLanguageChosenWithTheSwitchWhichIsRemembered() {
        Chromium.clearCookies(browser);
        browser.get(url("/admin/login?lang=ru"));
        assertThat(browser.findElement(By.cssSelector("label[for='token']")).getText()).isEqualTo("Токен администратора");
        browser.findElement(By.id("token")).sendKeys(Http.ADMIN_TOKEN);
        Chromium.navigateBy(browser, browser.findElement(By.cssSelector("form button")));

        for (List<String> page : PAGES) {
            browser.get(url(page.get(0)));
            assertThat(heading()).as(page.get(0)).isEqualTo(page.get(2));
            assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("ru");
            assertThat(browser.findElement(By.cssSelector(".logout button")).getText()).isEqualTo("Выйти");
        }

        Chromium.navigateBy(browser, browser.findElement(By.cssSelector("#languages a[data-lang='en']")));
        assertThat(browser.getCurrentUrl()).contains("/admin/api-keys");
        for (List<String> page : PAGES) {
            browser.get(url(page.get(0)));
            assertThat(heading()).as(page.get(0)).isEqualTo(page.get(1));
            assertThat(browser.findElement(By.cssSelector(".logout button")).getText()).isEqualTo("Sign out");
        }
    }

    @Test
    void theBrowsersLanguageDecidesUnlessTheOperatorPickedOneAndTheFaviconNeedsNoSignIn() {
        assertThat(http.get("/admin/login", "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8").body())
                .contains("Токен администратора").contains("lang=\"ru\"");
        assertThat(http.get("/admin/login", "Accept-Language", "de-DE,en;q=0.5").body()).contains("Admin token");
        assertThat(http.get("/admin/login", "Accept-Language", "ru", "Cookie", ConsoleLanguages.COOKIE + "=en").body())
                .contains("Admin token");
        // CONSOLE_LANGUAGE is en here: a browser asking for neither language gets English.
        assertThat(http.get("/admin/login", "Accept-Language", "de").body()).contains("Admin token");

        Http.Response icon = http.get("/favicon.svg");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.body()).startsWith("<svg");
        assertThat(http.get("/admin/login").body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
    }

    @Test
    void theSwitchKeepsThePageAndItsFilters() {
        signInAfresh();
        browser.get(url("/admin/postbacks?status=unmatched&size=25"));
        Chromium.navigateBy(browser, browser.findElement(By.cssSelector("#languages a[data-lang='ru']")));

        assertThat(browser.getCurrentUrl()).contains("/admin/postbacks?").contains("status=unmatched").contains("size=25");
        assertThat(browser.findElement(By.cssSelector("#status option[selected]")).getText()).isEqualTo("без пользователя");
    }

    @Test
    void datesAreInTheConsolesTimeZoneOnOneLine() {
        signInAfresh();
        BotUser user = TestUsers.started(users, "ru");
        // 23:30 in UTC on the 15th is 08:30 on the 16th in Tokyo.
        jdbc.sql("UPDATE users SET created_at = ? WHERE telegram_id = ?")
                .param(Instant.parse("2026-01-15T23:30:00Z").toEpochMilli()).param(user.telegramId()).update();

        browser.get(url("/admin/users?q=" + user.telegramId()));

        WebElement started = browser.findElement(By.cssSelector("#users tr[data-id='" + user.telegramId() + "'] td.date"));
        assertThat(started.getText()).isEqualTo("2026-01-16 08:30");
        assertThat(started.getCssValue("white-space")).isEqualTo("nowrap");
        Object lines = browser.executeScript("const range = document.createRange();"
                + " range.selectNodeContents(arguments[0]); return range.getClientRects().length;", started);
        assertThat(lines).isEqualTo(1L);
    }

    @Test
    void countsTakeTheirPluralFormInBothLanguages() {
        signInAfresh();
        Map<Integer, String> russian = Map.of(1, "1 сообщение снова в очереди.", 2, "2 сообщения снова в очереди.",
                5, "5 сообщений снова в очереди.", 21, "21 сообщение снова в очереди.");
        russian.forEach((count, text) -> {
            browser.get(url("/admin/outbox?lang=ru&retried=" + count));
            assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo(text);
        });
        browser.get(url("/admin/outbox?lang=en&retried=1"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("1 message queued again.");
        browser.get(url("/admin/outbox?retried=2"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("2 messages queued again.");
    }

    @Test
    void listsArePagedWithTheirTotal() {
        signInAfresh();
        for (int i = 0; i < 27; i++) {
            TestUsers.started(users, "en");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();

        browser.get(url("/admin/users?size=25&lang=ru"));
        assertThat(browser.findElements(By.cssSelector("#users tbody tr"))).hasSize(25);
        assertThat(browser.findElement(By.cssSelector(".pager .shown")).getText()).isEqualTo("1–25 из " + total);
        assertThat(Chromium.findNow(browser, By.cssSelector(".pager .previous"))).isEmpty();
        String firstOnFirstPage = browser.findElement(By.cssSelector("#users tbody tr")).getAttribute("data-id");

        Chromium.navigateBy(browser, browser.findElement(By.cssSelector(".pager .next")));
        assertThat(browser.findElements(By.cssSelector("#users tbody tr"))).hasSize((int) Math.min(25, total - 25));
        assertThat(browser.findElement(By.cssSelector(".pager .shown")).getText())
                .isEqualTo("26–" + Math.min(50, total) + " из " + total);
        assertThat(browser.findElement(By.cssSelector("#users tbody tr")).getAttribute("data-id")).isNotEqualTo(firstOnFirstPage);

        Chromium.navigateBy(browser, browser.findElement(By.cssSelector(".pager .previous")));
        assertThat(browser.findElement(By.cssSelector("#users tbody tr")).getAttribute("data-id")).isEqualTo(firstOnFirstPage);
    }

    @Test
    void theFunnelHasASubscribedStepWhenTheBotHasAGateAndEventsReadAsSentences() {
        signInAfresh();
        LinkedPlayer player = linkedPlayer("ru");
        users.updateSubscribed(player.user().telegramId(), true);
        postback("event=deposit&user_id=" + player.playerId() + "&amount=1500.5&currency=RUB&transaction_id=s1");
        postback("event=deposit&user_id=" + player.playerId() + "&amount=20&currency=USD&transaction_id=s2");

        browser.get(url("/admin?lang=ru"));
        assertThat(browser.findElement(By.cssSelector("#funnel tr[data-step='subscribed'] td")).getText())
                .isEqualTo("Подписались");
        assertThat(browser.findElement(By.cssSelector("#funnel tr[data-step='subscribed'] .count")).getText())
                .isEqualTo("1");
        // One chart of the sum for each currency, each with its y axis.
        assertThat(browser.findElements(By.cssSelector("#deposit-sum-chart-RUB text.tick"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#deposit-sum-chart-USD")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#deposit-totals tr[data-currency='RUB']")).getText())
                .isEqualTo("RUB 1 1 500,50 ₽");

        browser.get(url("/admin/events?user=" + player.user().telegramId()));
        assertThat(browser.findElements(By.cssSelector("#events td.sentence"))).extracting(WebElement::getText)
                .contains("Игрок " + player.playerId() + " внёс первый депозит 1 500,50 ₽ через 1win",
                        "Игрок " + player.playerId() + " внёс депозит 20 $ через 1win");
        browser.get(url("/admin/events?lang=en&user=" + player.user().telegramId()));
        assertThat(browser.findElements(By.cssSelector("#events td.sentence"))).extracting(WebElement::getText)
                .contains("Player " + player.playerId() + " deposited 20 $ via 1win");
    }

    @Test
    void csvDownloadsAreSeparatedAsTheLanguageHasItUnlessChosen() {
        signInAfresh();
        LinkedPlayer player = linkedPlayer("en");
        postback("event=deposit&user_id=" + player.playerId() + "&amount=1500.55&currency=RUB&transaction_id=c1");
        browser.get(url("/admin/postbacks?lang=ru"));
        assertThat(browser.findElement(By.cssSelector("#export #separator")).getAttribute("value")).isEqualTo("semicolon");
        browser.get(url("/admin/postbacks?lang=en"));
        assertThat(browser.findElement(By.cssSelector("#export #separator")).getAttribute("value")).isEqualTo("comma");

        ConsoleClient console = new ConsoleClient(port);
        console.signIn(Http.ADMIN_TOKEN);
        String english = console.get("/admin/export/postbacks.csv?player=" + player.playerId()).body();
        assertThat(english.lines().findFirst().orElseThrow()).startsWith("\uFEFFid,received_at,network,event");
        assertThat(english).contains(",1500.55,RUB,");

        console.get("/admin?lang=ru");
        String russian = console.get("/admin/export/postbacks.csv?player=" + player.playerId()).body();
        assertThat(russian.lines().findFirst().orElseThrow()).startsWith("\uFEFFid;received_at;network;event");
        assertThat(russian).contains(";1500,55;RUB;");
        assertThat(console.get("/admin/export/users.csv?separator=comma&q=" + player.playerId()).body()
                .lines().findFirst().orElseThrow()).contains("telegram_id,username");

        Http.Response wrong = console.get("/admin/export/users.csv?separator=tab");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error").asString()).isEqualTo("invalid_separator");
        assertThat(wrong.json().get("parameter").asString()).isEqualTo("separator");
    }

    /**
     * A sign-in of its own for each test that uses the browser, with no cookie left by the one
     * before: the tests that sign in otherwise, or not at all, skip it.
     */
    private void signInAfresh() {
        Chromium.clearCookies(browser);
        browser.get(url("/admin/login?lang=en"));
        browser.findElement(By.id("token")).sendKeys(Http.ADMIN_TOKEN);
        Chromium.navigateBy(browser, browser.findElement(By.cssSelector("form button")));
    }

    private static String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
