package org.postbackbridge.outbox.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.postbackbridge.platform.database.GroupCommit;
import org.postbackbridge.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import tools.jackson.databind.json.JsonMapper;
import org.postbackbridge.telegram.ChatMigrations;
import org.postbackbridge.telegram.TelegramProperties;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.DispatchLeadership;
import org.postbackbridge.outbox.DispatchSignal;
import org.postbackbridge.outbox.Notifier;

/**
 * The one TelegramBots client, pointed at {@code TELEGRAM_API_URL} (absent in dry-run), and the
 * outbox dispatcher that sends through it.
 */
@Configuration(proxyBeanMethods = false)
class TelegramConfig {

    private static final Logger log = LoggerFactory.getLogger(TelegramConfig.class);

    /**
     * No client without a token: the method returns null, which Spring keeps as "no bean", so
     * {@code Optional<TelegramClient>} is empty. Decided here at run time, not by a bean condition,
     * which Spring AOT would fix when the jar is built.
     */
    @Bean
    TelegramClient telegramClient(TelegramProperties telegram, DeliveryProperties delivery) {
        if (telegram.dryRun()) {
            return null;
        }
        log.info("Telegram Bot API at {}", telegram.apiUrl());
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(delivery.requestTimeout()).build();
        return new OkHttpTelegramClient(http, telegram.token(), telegram.telegramUrl());
    }

    @Bean
    MessageSender messageSender(Optional<TelegramClient> telegram, JsonMapper json) {
        return telegram.<MessageSender>map(client -> new BotApiSender(client, json)).orElseGet(DryRunSender::new);
    }

    @Bean
    OutboxDispatcher outboxDispatcher(Outbox outbox, MessageSender sender, DispatchLeadership leadership,
                                      DispatchSignal signal, UserRepository users, ChatMigrations migrations,
                                      Notifier notifier, GroupCommit groupCommit, DeliveryProperties delivery,
                                      MeterRegistry meters, Clock clock) {
        return new OutboxDispatcher(outbox, sender, new DeliveryLimits(delivery), leadership, signal, users,
                migrations, notifier, groupCommit, delivery, meters, clock);
    }
}
