package org.postbackbridge.bot;

import org.postbackbridge.telegram.ConditionalOnTelegramToken;
import org.postbackbridge.telegram.TelegramProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How updates arrive: long polling unless {@code TELEGRAM_WEBHOOK_URL} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnTelegramToken
class BotConfig {

    @Bean
    @ConditionalOnExpression("'${postback-bridge.bot.webhook-url:}'.isBlank()")
    LongPolling longPolling(TelegramProperties telegram, UpdateRouter router) {
        return new LongPolling(telegram, router);
    }
}
