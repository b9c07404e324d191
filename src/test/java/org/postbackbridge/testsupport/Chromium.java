package org.postbackbridge.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
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

    private Chromium() {
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
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
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
