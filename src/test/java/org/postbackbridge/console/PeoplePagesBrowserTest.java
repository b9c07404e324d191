package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.Chromium;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.FreshDatabaseInitializer;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.Screenshots;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.users.BotUser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * The sources, user, message and action pages in a real browser, in English and in Russian (the
 * browser's Accept-Language), with messages delivered to a fake Telegram. Each language scripts
 * its own three sources, so the figures are exactly its postbacks'. Runs once, in the SQLite pass;
 * PeoplePagesTest covers the queries on both databases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "postback-bridge.console.time-zone=Europe/Moscow")
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@ActiveProfiles("test")
@DirtiesContext
class PeoplePagesBrowserTest extends PostbackTestBase {

    static final FakeBotApi telegram = new FakeBotApi();
    static final Duration DELIVERY = Duration.ofSeconds(30);

    /** What each language calls the things the test looks for. */
    record Words(String sources, String actionLog, String messages, String allTime, String fromOperator,
                 String accessOpen, String accessClosed, String firstDeposit, String channelRub, String twoThirds) {
    }

    static final Map<String, Words> WORDS = Map.of(
            "en", new Words("Sources", "Action log", "Messages", "All time", "from the operator", "open",
                    "closed", "Player %s made a first deposit of 1,000 ₽ via 1win", "1,500.50 ₽", "66.7%"),
            "ru", new Words("Источники", "Журнал действий", "Сообщения", "Всё время", "от оператора", "открыт",
                    "закрыт", "Игрок %s внёс первый депозит 1 000 ₽ через 1win", "1 500,50 ₽", "66,7 %"));

    static ChromeDriver browser;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("postback-bridge.telegram.token", () -> FakeBotApi.TOKEN);
        registry.add("postback-bridge.telegram.api-url", telegram::url);
    }

    @BeforeAll
    static void freshBrowser() {
        browser = Chromium.shared();
        browser.executeCdpCommand("Network.enable", Map.of());
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void operatorReadsSourcesThenLooksAfterOneUser(String language) {
        Words words = WORDS.get(language);
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", language)));
        String channel = "channel_" + language;
        String post = "post_" + language;
        String ads = "ads_" + language;
        // channel: three users; two register and deposit (one in roubles, twice; one in dollars).
        LinkedPlayer depositor = linkedPlayer(startedFrom(channel, language));
        LinkedPlayer dollars = linkedPlayer(startedFrom(channel, language));
        startedFrom(channel, language);
        deposit(depositor, "first_deposit", "1000", "RUB");
        deposit(depositor, "deposit", "500.50", "RUB");
        deposit(dollars, "first_deposit", "20", "USD");
        // post: two users, one registers. ads: one user, who registers and deposits.
        linkedPlayer(startedFrom(post, language));
        startedFrom(post, language);
        deposit(linkedPlayer(startedFrom(ads, language)), "first_deposit", "300", "RUB");

        signedIn();
        navigateBy(browser.findElement(By.linkText(words.sources())));
        navigateBy(browser.findElement(By.linkText(words.allTime())));
        assertThat(cells(channel)).containsExactly("3", "2", "2", "3", words.twoThirds(), words.channelRub(), "20 $");
        assertThat(cells(post)).startsWith("2", "1", "0", "0");
        assertThat(cells(ads)).startsWith("1", "1", "1", "1");
        assertThat(browser.findElement(By.cssSelector("#links tr[data-source='" + channel + "'] input.link"))
                .getDomProperty("value")).isEqualTo("https://t.me/test_bot?start=" + channel);
        navigateBy(browser.findElement(By.cssSelector("th[data-column='users'] a")));
        navigateBy(browser.findElement(By.cssSelector("th[data-column='users'] a")));
        List<String> order = browser.findElements(By.cssSelector("#sources tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-key")).filter(key -> key.endsWith("_" + language)).toList();
        assertThat(order).as("sorted by users, most first").containsExactly(channel, post, ads);
        if (language.equals("ru")) {
            Screenshots.saveIfAsked(browser, "console-sources");
        }

        // The depositor's page, from the users list.
        browser.get(url("/admin/users?q=" + depositor.user().telegramId()));
        navigateBy(browser.findElement(By.cssSelector("#users a.user-link")));
        long chat = depositor.user().telegramId();
        assertThat(browser.findElement(By.cssSelector("#players tr[data-network='1win']")).getText())
                .contains(depositor.playerId());
        assertThat(browser.findElement(By.cssSelector("#deposits tr[data-currency='RUB']")).getText())
                .contains("2").contains(words.channelRub());
        assertThat(browser.findElements(By.cssSelector("#events li")).stream().map(WebElement::getText))
                .anySatisfy(line -> assertThat(line).endsWith(words.firstDeposit().formatted(depositor.playerId())));
        awaitSent(chat, 4);
        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector("#user-messages tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-status"))).hasSize(4).containsOnly(Outbox.SENT);

        // Resend the welcome, then write to the user: both reach Telegram.
        OutboxMessage welcome = outbox.forChat(chat).getFirst();
        navigateBy(browser.findElement(By.cssSelector("#user-messages tr[data-id='" + welcome.id() + "'] button")));
        assertThat(browser.findElement(By.id("notice")).isDisplayed()).isTrue();
        String text = "Hello from support <" + language + ">";
        browser.findElement(By.id("text")).sendKeys(text);
        navigateBy(browser.findElement(By.cssSelector("#write-form button")));
        // Telegram gets it as HTML, the operator's text escaped, so it shows as typed.
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(telegram.delivered(chat))
                .extracting(FakeBotApi.Call::text).contains(HtmlUtils.htmlEscape(text))
                .filteredOn(welcome.text()::equals).hasSize(2));
        awaitSent(chat, 6);
        browser.navigate().refresh();
        WebElement written = browser.findElement(By.cssSelector("#user-messages tr[data-kind='"
                + MessageKind.OPERATOR_MESSAGE.key() + "']"));
        assertThat(written.getText()).contains(words.fromOperator()).contains(text);
        if (language.equals("ru")) {
            Screenshots.saveIfAsked(browser, "console-user");
        }

        // Access: revoked (after a confirmation), then granted again.
        assertThat(access()).isEqualTo(words.accessOpen());
        confirmAndNavigateBy(browser.findElement(By.cssSelector("#access-form button")));
        assertThat(access()).isEqualTo(words.accessClosed());
        assertThat(reload(depositor.user()).signalsUnlocked()).isFalse();
        navigateBy(browser.findElement(By.cssSelector("#access-form button")));
        assertThat(access()).isEqualTo(words.accessOpen());
        assertThat(reload(depositor.user()).signalsUnlocked()).isTrue();

        // The action log shows each, newest first.
        navigateBy(browser.findElement(By.linkText(words.actionLog())));
        browser.findElement(By.id("user")).sendKeys(String.valueOf(chat));
        navigateBy(browser.findElement(By.cssSelector("form.filters button")));
        assertThat(browser.findElements(By.cssSelector("#actions tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-action")))
                .containsExactly("grant_access", "revoke_access", "send_message", "resend_message");

        // The message history finds the operator's message among the sent ones.
        navigateBy(browser.findElement(By.linkText(words.messages())));
        browser.findElement(By.id("user")).sendKeys(String.valueOf(chat));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByValue(Outbox.SENT);
        navigateBy(browser.findElement(By.cssSelector("form.filters button")));
        assertThat(browser.findElements(By.cssSelector("#messages tbody tr"))).hasSize(6);
        assertThat(browser.findElement(By.cssSelector("#messages tr[data-kind='operator_message']")).getText())
                .contains(text);
    }

    private BotUser startedFrom(String source, String language) {
        BotUser user = TestUsers.started(users, language);
        return users.saveProfile(user.telegramId(), user.username(), user.firstName(), language, source,
                user.clickToken());
    }

    private void deposit(LinkedPlayer player, String event, String amount, String currency) {
        assertThat(postback("event=" + event + "&user_id=" + player.playerId() + "&amount=" + amount + "&currency="
                + currency + "&transaction_id=" + player.playerId() + "-" + amount).status()).isEqualTo(200);
    }

    private void signedIn() {
        browser.get(url("/admin"));
        if (browser.getCurrentUrl().endsWith("/admin/login")) {
            browser.findElement(By.id("token")).sendKeys(Http.ADMIN_TOKEN);
            navigateBy(browser.findElement(By.cssSelector("form button")));
        }
    }

    /** A source's row: users, registered, first deposits, deposits, conversion, then each currency's sum. */
    private List<String> cells(String source) {
        WebElement row = browser.findElement(By.cssSelector("#sources tbody tr[data-key='" + source + "']"));
        List<String> counts = List.of(text(row, "td[data-column='users']"), text(row, "td[data-column='registered'] span"),
                text(row, "td[data-column='first_deposits'] span"), text(row, "td[data-column='deposits']"),
                text(row, "td[data-column='conversion']"));
        List<String> sums = row.findElements(By.cssSelector("td[data-column^='sum:']")).stream()
                .map(WebElement::getText).filter(sum -> !sum.startsWith("0 ")).toList();
        return java.util.stream.Stream.concat(counts.stream(), sums.stream()).toList();
    }

    private static String text(WebElement row, String css) {
        return row.findElement(By.cssSelector(css)).getText();
    }

    private String access() {
        return browser.findElement(By.id("access")).getText();
    }

    private void awaitSent(long chat, int count) {
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(outbox.forChat(chat))
                .hasSize(count).extracting(OutboxMessage::status).containsOnly(Outbox.SENT));
    }

    private static void navigateBy(WebElement linkOrButton) {
        Chromium.navigateBy(browser, linkOrButton);
    }

    /** Submits a form that asks first, and says yes. */
    private static void confirmAndNavigateBy(WebElement button) {
        browser.executeScript("window.leavingThisPage = true");
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class).until(driver ->
                Boolean.TRUE.equals(browser.executeScript(
                        "return window.leavingThisPage === undefined && document.readyState === 'complete'")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
