package org.postbackbridge.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * Inline buttons under a message, one button per row, stored with the message in the outbox as
 * JSON in the shape of Telegram's {@code inline_keyboard}.
 */
public record Keyboard(@JsonProperty("inline_keyboard") List<List<Button>> rows) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Button(String text, String url, @JsonProperty("callback_data") String callbackData) {

        public static Button link(String text, String url) {
            return new Button(text, url, null);
        }

        /** {@code data} comes back in the callback query; Telegram allows at most 64 bytes. */
        public static Button callback(String text, String data) {
            return new Button(text, null, data);
        }
    }

    public static Keyboard of(Button... buttons) {
        return new Keyboard(Arrays.stream(buttons).map(List::of).toList());
    }
}
