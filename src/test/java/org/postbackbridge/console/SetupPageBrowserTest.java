package org.postbackbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.testsupport.Chromium;
import org.postbackbridge.testsupport.FreshDatabaseInitializer;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.Screenshots;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The setup page in a real browser, on a fresh install in dry-run: it comes first after sign-in,
 * says what is missing and how to fix it, hands out the cabinet URLs, sends a test message to the
 * operators and turns the postback item green once one arrives; every page carries the dry-run banner.
 * Refreshes the page's screenshot in docs/ when asked (bin/screenshots).
 */
// A property of its own gives the test an application context, and so a database, of its own: no
// postback may have arrived before it starts.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "postback-bridge.console.time-zone=Asia/Yerevan")
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@ActiveProfiles("test")
@DirtiesContext
class SetupPageBrowserTest extends PostbackTestBase {

    static final long OPERATOR_CHAT = 9000001;
    static final List<String> PAGES = List.of("Setup", "Dashboard", "Postbacks", "Outbox", "Users", "Events",
            "Tester", "Reconcile");

    static ChromeDriver browser;

    @BeforeAll
    static void freshBrowser() {
        browser = Chromium.shared();
    }

    @Test
    void aNewOperatorIsLedThroughSetupUntilTheFirstPostbackArrives() {
        browser.get("http://127.0.0.1:" + port + "/admin");
        browser.findElement(By.id("token")).sendKeys(Http.ADMIN_TOKEN);
        Chromium.navigateBy(browser, browser.findElement(By.cssSelector("form button")));

        assertThat(browser.getCurrentUrl()).endsWith("/admin/setup");
        assertThat(verdict("bot")).isEqualTo("TODO");
        assertThat(item("bot").getText()).contains("Dry-run: TELEGRAM_TOKEN is not set").contains("@BotFather");
        assertThat(verdict("gate")).isEqualTo("OK");
        assertThat(item("affiliate_link").getText()).contains("AFFILIATE_LINK is empty").contains("sub1={click_id}");
        assertThat(verdict("cabinet_urls")).isEqualTo("TODO");
        assertThat(item("cabinet_urls").getText()).contains("which a partner program cannot call");
        assertThat(browser.findElement(By.cssSelector("#cabinet-urls tr[data-event='deposit']")).getText())
                .contains("http://127.0.0.1:" + port + "/postback/1win?event=deposit&user_id={user_id}&amount={amount}");
        assertThat(verdict("first_postback")).isEqualTo("TODO");
        assertThat(verdict("refused_postbacks")).isEqualTo("OK");
        assertThat(item("premium_content").getText()).contains("Оператор ещё не указал").contains("PREMIUM_CHANNEL_ID");
        assertThat(item("operator_chats").getText()).contains("without TELEGRAM_TOKEN nothing can check it");
        assertThat(Chromium.findNow(browser, By.id("all-ok"))).isEmpty();
        Screenshots.saveIfAsked(browser, "console-setup");

        for (String page : PAGES) {
            Chromium.navigateBy(browser, browser.findElement(By.linkText(page)));
            assertThat(browser.findElement(By.id("dry-run-banner")).getText()).as(page)
                    .contains("Dry-run: TELEGRAM_TOKEN is not set");
        }

        Chromium.navigateBy(browser, browser.findElement(By.linkText("Setup")));
        Chromium.navigateBy(browser, browser.findElement(By.cssSelector("#test-message button")));
        assertThat(browser.findElement(By.id("tested")).getText())
                .contains("A test message was queued for the operator chat").contains("recorded in the outbox, not sent");
        assertThat(outbox.forChat(OPERATOR_CHAT)).extracting(OutboxMessage::kind).contains("operator_setup_test");

        postback("event=registration&user_id=77001");
        postback("event=deposit&user_id=77002&amount=%7Bamount%7D");
        Chromium.navigateBy(browser, browser.findElement(By.linkText("Setup")));

        assertThat(verdict("first_postback")).isEqualTo("OK");
        assertThat(item("first_postback").getText()).contains("First ").contains("ago");
        assertThat(verdict("refused_postbacks")).isEqualTo("PROBLEM");
        assertThat(item("refused_postbacks").getText()).contains("1 refused today").contains("unsubstituted_macro");
    }


    private static WebElement item(String name) {
        return browser.findElement(By.id("check-" + name));
    }

    private static String verdict(String name) {
        return item(name).getAttribute("data-verdict");
    }
}
