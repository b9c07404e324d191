package org.postbackbridge.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The one TelegramBots client, pointed at {@code TELEGRAM_API_URL}; absent in dry-run. */
@Configuration(proxyBeanMethods = false)
class TelegramConfig {

    private static final Logger log = LoggerFactory.getLogger(TelegramConfig.class);

    @Bean
    @ConditionalOnExpression("!'${postback-bridge.telegram.token:}'.isBlank()")
    TelegramClient telegramClient(TelegramProperties properties) {
        var api = properties.apiUrl();
        int port = api.getPort() > 0 ? api.getPort() : ("http".equals(api.getScheme()) ? 80 : 443);
        log.info("Telegram Bot API at {}", api);
        return new OkHttpTelegramClient(properties.token(), new TelegramUrl(api.getScheme(), api.getHost(), port, false));
    }
}
