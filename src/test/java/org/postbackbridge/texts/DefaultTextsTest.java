package org.postbackbridge.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The bundled texts state facts: the bot gates access, it does not sell predictions of games or
 * promise winnings. Operators may write what they like in their own file; the defaults may not.
 */
class DefaultTextsTest {

    @Test
    void noDefaultTextSpeaksOfSignalsExceptToNameTheCommand() throws IOException {
        defaults().forEach((key, value) -> {
            String text = value.toString().replace("/signals", "").replaceAll("\\{[a-z_]+}", "");
            assertThat(text).as(key.toString()).doesNotContainIgnoringCase("signal").doesNotContainIgnoringCase("сигнал");
        });
    }

    @Test
    void noDefaultTextPromisesWinnings() throws IOException {
        defaults().forEach((key, value) -> assertThat(value.toString()).as(key.toString())
                .doesNotContainIgnoringCase("гарант").doesNotContainIgnoringCase("guarantee")
                .doesNotContainIgnoringCase("максимальн").doesNotContainIgnoringCase("больших выигрыш")
                .doesNotContainIgnoringCase("bigger win").doesNotContainIgnoringCase("maximi"));
    }

    private static Properties defaults() throws IOException {
        Properties texts = new Properties();
        try (InputStream bundled = DefaultTextsTest.class.getResourceAsStream("/messages.properties")) {
            texts.load(new InputStreamReader(bundled, StandardCharsets.UTF_8));
        }
        assertThat(texts).as("the bundled texts").hasSizeGreaterThan(50);
        return texts;
    }
}
