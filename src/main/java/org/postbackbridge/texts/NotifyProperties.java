package org.postbackbridge.texts;

import java.time.Duration;
import java.util.List;
import org.postbackbridge.platform.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminChatIds        {@code ADMIN_CHAT_IDS}: operator chats told of registrations and deposits
 * @param messagesFile        {@code MESSAGES_FILE}: operator overrides of the texts (properties, UTF-8)
 * @param defaultLanguage     texts for users whose Telegram language we have no texts for
 * @param winMessageInterval  at most one win message per user in this interval; every win is logged
 */
@ConfigurationProperties("postback-bridge.notify")
public record NotifyProperties(
        @DefaultValue("") List<Long> adminChatIds,
        @DefaultValue("") String messagesFile,
        @DefaultValue("ru") String defaultLanguage,
        @DefaultValue("PT5M") Duration winMessageInterval) {

    public NotifyProperties {
        Settings.matches(defaultLanguage, "ru|en", "DEFAULT_LANGUAGE must be ru or en");
    }
}
