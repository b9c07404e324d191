package org.postbackbridge.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TelegramTextTest {

    @Test
    void aShortTextIsOnePart() {
        assertThat(TelegramText.split("<b>Hi</b> &amp; bye")).containsExactly("<b>Hi</b> &amp; bye");
    }

    @Test
    void aLongTextIsCutAtLineBreaksIntoPartsTelegramAccepts() {
        String line = "Строка с суммой 1 000 ₽ и игроком 12345\n";
        String text = line.repeat(300);

        List<String> parts = TelegramText.split(text);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(TelegramText.MAX_LENGTH);
            assertThat(part.strip()).endsWith("12345");
        });
        assertThat(String.join("\n", parts)).isEqualTo(text);
    }

    @Test
    void noCutFallsInsideATagAnEntityOrASurrogatePair() {
        Random random = new Random(42);
        String[] pieces = {"<b>", "</b>", "&amp;", "&lt;", "😀", "word", " ", "<a href=\"https://t.me/x y\">", "</a>"};
        for (int run = 0; run < 200; run++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 9000) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }

            List<String> parts = TelegramText.split(text.toString());

            for (String part : parts) {
                assertThat(part.length()).isLessThanOrEqualTo(TelegramText.MAX_LENGTH);
                assertThat(part.lastIndexOf('<')).as("no open tag at the end").isLessThan(Math.max(part.lastIndexOf('>'), 0) + 1);
                int amp = part.lastIndexOf('&');
                assertThat(amp < 0 || part.indexOf(';', amp) > amp).as("no half entity at the end").isTrue();
                assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
                assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            }
            assertThat(String.join("", parts).replace(" ", "")).isEqualTo(text.toString().replace(" ", ""));
        }
    }

    @Test
    void plainTextDropsTagsAndDecodesEntities() {
        assertThat(TelegramText.toPlain("<b>Deposit</b> &amp; <i>1 000 ₽</i> &lt;ok&gt;")).isEqualTo("Deposit & 1 000 ₽ <ok>");
    }
}
