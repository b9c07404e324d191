package org.postbackbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The console's screenshots in docs/screenshots, refreshed only on demand
 * ({@code bin/screenshots}, which sets {@code -Dscreenshots=true}), so that a test run leaves the
 * working tree as it found it.
 */
public final class Screenshots {

    private static final Path FOLDER = Path.of("docs", "screenshots");

    private Screenshots() {
    }

    public static void saveIfAsked(TakesScreenshot browser, String name) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        try {
            Files.createDirectories(FOLDER);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), FOLDER.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
