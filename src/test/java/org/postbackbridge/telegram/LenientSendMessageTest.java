package org.postbackbridge.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class LenientSendMessageTest {

    final LenientSendMessage send = new LenientSendMessage(SendMessage.builder().chatId(1L).text("hi").build());

    @Test
    void aReadableAnswerGivesTheMessageId() throws Exception {
        String answer = "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1,\"chat\":{\"id\":1,\"type\":\"private\"}}}";

        assertThat(send.deserializeResponse(answer).messageId()).isEqualTo(7);
    }

    @Test
    void anOkAnswerThatCannotBeReadIsStillTaken() throws Exception {
        LenientSendMessage.Answer answer = send.deserializeResponse("{\"ok\":true,\"result\":{\"message_id\":\"x\"}}");

        assertThat(answer.messageId()).isNull();
        assertThat(answer.unreadable()).contains("Unable to deserialize response");
    }

    @Test
    void anErrorOrSomethingElseEntirelyIsNot() {
        assertThatThrownBy(() -> send.deserializeResponse("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request\"}"))
                .isInstanceOf(TelegramApiRequestException.class);
        assertThatThrownBy(() -> send.deserializeResponse("<html>Bad Gateway</html>"))
                .isInstanceOf(TelegramApiRequestException.class);
    }
}
