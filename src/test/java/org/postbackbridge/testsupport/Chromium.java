package org.postbackbridge.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the machine's packages (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code bin/test} installs when it can), driven by Selenium with
 * explicit paths so nothing is downloaded. Without them the browser tests are skipped, except
 * under CI, where they must run.
 */
public final class Chromium {

    private static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    private static ChromeDriver shared;

    private Chromium() {
    }

    /**
     * The test JVM's one Chromium, started on first use and quit when the JVM exits, handed out in
     * the state a newly started one is in: a blank page, no cookies, no extra request headers.
     * Starting Chromium costs seconds, and test classes run one after another, so a class that
     * calls this in its {@code @BeforeAll} has a fresh browser to itself as it had with
     * {@link #start()}.
     */
    public static synchronized ChromeDriver shared() {
        if (shared != null) {
            try {
                reset(shared);
                return shared;
            } catch (WebDriverException e) {
                // A class before this one left the browser broken: it gets a new one, as with start().
                quitQuietly(shared);
                shared = null;
            }
        }
        ChromeDriver started = start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> quitQuietly(started), "chromium-quit"));
        shared = started;
        return shared;
    }

    /**
     * Forgets every cookie, of every host and port. Cookies ignore ports, and WebDriver's
     * deleteAllCookies deletes only the current page's, so from a blank page, or a page of another
     * service on 127.0.0.1, it would leave that service's sign-in or language in place.
     */
    public static void clearCookies(ChromeDriver browser) {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * The elements {@code by} finds on the page as it is, without the implicit wait for one to
     * appear, which would make every check that something is absent last the whole wait. Only
     * for a page that has loaded: the console's pages are rendered by the service, and no script
     * adds elements to them.
     */
    public static List<WebElement> findNow(ChromeDriver browser, By by) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(by);
        } finally {
            browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    private static void quitQuietly(ChromeDriver browser) {
        try {
            browser.quit();
        } catch (WebDriverException e) {
            // The JVM is going: its driver may have gone first, taking Chromium with it.
        }
    }

    private static void reset(ChromeDriver browser) {
        List<String> windows = List.copyOf(browser.getWindowHandles());
        for (String extra : windows.subList(1, windows.size())) {
            browser.switchTo().window(extra).close();
        }
        browser.switchTo().window(windows.getFirst());
        try {
            browser.switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // The usual case: the last class left no question open.
        }
        browser.get("about:blank");
        clearCookies(browser);
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
    }

    public static ChromeDriver start() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("no Chromium at " + BROWSER + " with its driver at " + DRIVER
                    + "; install Debian's chromium and chromium-driver (bin/test does when run as root)");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                // The flags that keep Chromium from calling home, which this network refuses.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,1300");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        return driver;
    }

    /**
     * Clicks something that loads a new page and waits until the new page has loaded. Without the
     * wait the next findElement can still match the old page and then fail with a stale element
     * once the new page arrives. The old page is marked, and a new page comes with a new window
     * object, without the mark. Waiting for the old page's element to go stale was not enough:
     * while Chrome swaps the documents it sometimes answers a look at the old element with "node
     * does not belong to the document" instead, so such errors are retried here.
     */
    public static void navigateBy(ChromeDriver browser, WebElement linkOrButton) {
        browser.executeScript("window.leavingThisPage = true");
        linkOrButton.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class).until(driver ->
                Boolean.TRUE.equals(browser.executeScript(
                        "return window.leavingThisPage === undefined && document.readyState === 'complete'")));
    }
}
