package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.Chromium;
import org.postbackbridge.testsupport.FreshDatabaseInitializer;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.Screenshots;
import org.postbackbridge.testsupport.TestUsers;
import org.postbackbridge.users.BotUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The console in a real browser, on a database of its own so the funnel's numbers are exactly the
 * scripted postbacks'. Runs once, in the SQLite pass: the pages are the same on both databases
 * and ConsoleTest covers their queries on both. Refreshes the dashboard's screenshot in docs/, in
 * Russian, when asked (bin/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "postback-bridge.console.time-zone=Europe/Moscow")
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@ActiveProfiles("test")
class ConsoleBrowserTest extends PostbackTestBase {

    static ChromeDriver browser;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void freshBrowser() {
        browser = Chromium.shared();
    }

    @Test
    void operatorSignsInReadsTheFunnelLinksAPlayerTestsAPostbackAndRetriesAMessage() {
        // Four users start the bot: one registers and deposits, one registers, one registers
        // without a click token (unmatched), one does nothing.
        // The depositor registered five days ago, deposited a day later and twice more since.
        BotUser depositingUser = TestUsers.started(users, "en");
        String depositingPlayer = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + depositingPlayer + "&sub1=" + depositingUser.clickToken()
                + "&date=" + daysAgo(5));
        postback("event=first_deposit&user_id=" + depositingPlayer + "&amount=1500&currency=RUB&transaction_id=b1"
                + "&date=" + daysAgo(4));
        postback("event=deposit&user_id=" + depositingPlayer + "&amount=500&currency=RUB&transaction_id=b3&date="
                + daysAgo(2));
        postback("event=deposit&user_id=" + depositingPlayer + "&amount=2500&currency=RUB&transaction_id=b4");
        LinkedPlayer depositor = new LinkedPlayer(depositingUser, depositingPlayer);
        LinkedPlayer registered = linkedPlayer("en");
        BotUser unmatchedUser = TestUsers.started(users, "en");
        String unmatchedPlayer = TestUsers.newPlayerId();
        postback("event=registration&user_id=" + unmatchedPlayer);
        TestUsers.started(users, "en");

        browser.get(url("/admin"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        signIn("wrong-token");
        assertThat(browser.findElement(By.cssSelector(".error")).getText()).contains("not the admin token");
        signIn(Http.ADMIN_TOKEN);
        navigateBy(browser.findElement(By.linkText("Dashboard")));

        // No subscription gate is configured, so no subscribed step.
        assertThat(funnel()).isEqualTo(Map.of("users", "4", "registered", "2", "deposited", "1"));
        assertThat(browser.findElement(By.id("waiting")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("gap-median")).getText()).isEqualTo("1 d 0 h");
        assertThat(browser.findElement(By.cssSelector("#deposit-totals tbody")).getText())
                .isEqualTo("RUB 3 4,500 ₽");
        assertThat(browser.findElements(By.cssSelector("#deposit-count-chart .bar"))).hasSize(30);

        // The same dashboard in Russian, through the switch.
        navigateBy(browser.findElement(By.cssSelector("#languages a[data-lang='ru']")));
        assertThat(browser.findElement(By.cssSelector("#funnel tr[data-step='registered'] td")).getText())
                .isEqualTo("Зарегистрировались");
        assertThat(browser.findElement(By.id("gap-median")).getText()).isEqualTo("1 д 0 ч");
        assertThat(browser.findElement(By.cssSelector("#deposit-totals tbody")).getText()).isEqualTo("RUB 3 4 500 ₽");
        Screenshots.saveIfAsked(browser, "console-dashboard");
        navigateBy(browser.findElement(By.cssSelector("#languages a[data-lang='en']")));

        // The unmatched registration, linked by hand from the postback log.
        navigateBy(browser.findElement(By.linkText("Postbacks")));
        new Select(browser.findElement(By.id("status"))).selectByValue("unmatched");
        navigateBy(browser.findElement(By.cssSelector("form.filters button")));
        WebElement row = browser.findElement(By.cssSelector("#postbacks tr[data-status='unmatched']"));
        assertThat(row.getText()).contains(unmatchedPlayer);
        row.findElement(By.name("user")).sendKeys("@" + unmatchedUser.username());
        navigateBy(row.findElement(By.cssSelector("form.link button")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("is linked now");
        navigateBy(browser.findElement(By.linkText("Dashboard")));
        assertThat(funnel()).containsEntry("registered", "3");

        // The tester, through the real pipeline: rolled back, then applied for real and undone.
        navigateBy(browser.findElement(By.linkText("Tester")));
        assertThat(browser.findElement(By.cssSelector("#cabinet-urls tr[data-event='first_deposit']")).getText())
                .contains("/postback/1win?event=first_deposit&user_id={user_id}&amount={amount}");
        WebElement postback = browser.findElement(By.id("postback"));
        postback.clear();
        postback.sendKeys("event=deposit&user_id=" + registered.playerId() + "&amount=300&transaction_id=b2");
        navigateBy(browser.findElement(By.cssSelector("#tester-form button")));
        assertThat(stages()).containsExactly("Authenticated:PASS", "Parsed:PASS", "Attributed:PASS", "Effects:PASS",
                "Messages queued:PASS", "Rolled back:PASS");
        assertThat(reload(registered.user()).deposited()).isFalse();
        browser.findElement(By.id("apply")).click();
        navigateBy(browser.findElement(By.cssSelector("#tester-form button")));
        assertThat(stages()).endsWith("Applied:PASS");
        assertThat(reload(registered.user()).deposited()).isTrue();
        long applied = jdbc.sql("SELECT id FROM postbacks WHERE transaction_id = 'b2'").query(Long.class).single();
        navigateBy(browser.findElement(By.cssSelector("#applied-tests tr[data-postback='" + applied + "'] button")));
        assertThat(browser.findElement(By.id("undo-notice")).getText()).contains("was undone");
        assertThat(reload(registered.user()).deposited()).isFalse();

        // A message Telegram refused, sent again from the outbox page.
        OutboxMessage refused = outbox.forChat(depositor.user().telegramId()).getFirst();
        jdbc.sql("UPDATE outbox SET status = 'dead', last_error = '400: Bad Request: chat not found' WHERE id = ?")
                .param(refused.id()).update();
        navigateBy(browser.findElement(By.linkText("Outbox")));
        WebElement dead = browser.findElement(By.cssSelector("#outbox tr[data-id='" + refused.id() + "']"));
        assertThat(dead.getText()).contains("chat not found");
        navigateBy(dead.findElement(By.tagName("button")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("1 message queued again");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(outbox.find(refused.id()).orElseThrow().status()).isEqualTo(Outbox.DRY_RUN));
    }

    private List<String> stages() {
        return browser.findElements(By.cssSelector(".stages li")).stream()
                .map(li -> li.getAttribute("data-stage") + ":" + li.getAttribute("data-state")).toList();
    }

    private static String daysAgo(int days) {
        return java.time.Instant.now().minus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    private void signIn(String token) {
        browser.findElement(By.id("token")).sendKeys(token);
        navigateBy(browser.findElement(By.cssSelector("form button")));
    }

    private static void navigateBy(WebElement linkOrButton) {
        Chromium.navigateBy(browser, linkOrButton);
    }

    private Map<String, String> funnel() {
        Map<String, String> counts = new java.util.LinkedHashMap<>();
        for (WebElement step : browser.findElements(By.cssSelector("#funnel tbody tr"))) {
            counts.put(step.getAttribute("data-step"), step.findElement(By.cssSelector(".count")).getText());
        }
        return counts;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
