package org.postbackbridge.texts;

import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminChatIds        {@code ADMIN_CHAT_IDS}: operator chats told of registrations and deposits
 * @param messagesFile        {@code MESSAGES_FILE}: operator overrides of the texts (properties, UTF-8)
 * @param defaultLanguage     texts for users whose Telegram language we have no texts for
 * @param winMessageInterval  at most one win message per user in this interval; every win is logged
 */
@Validated
@ConfigurationProperties("postback-bridge.notify")
public record NotifyProperties(
        @DefaultValue("") List<Long> adminChatIds,
        @DefaultValue("") String messagesFile,
        @DefaultValue("ru") @Pattern(regexp = "ru|en") String defaultLanguage,
        @DefaultValue("PT5M") Duration winMessageInterval) {
}
