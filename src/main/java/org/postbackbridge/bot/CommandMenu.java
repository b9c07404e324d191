package org.postbackbridge.bot;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.texts.MessageTemplates;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The menu of commands Telegram shows next to the message field, set with {@code setMyCommands} at
 * start: in Russian and in English for users with those languages, and in the default language for
 * everyone else. The descriptions are texts like any other, so operators can change them. Without a
 * token there is no bot, and no menu to set.
 */
@Component
class CommandMenu {

    private static final Map<String, MessageKind> COMMANDS = Map.of(
            "start", MessageKind.COMMAND_START,
            "status", MessageKind.COMMAND_STATUS,
            "signals", MessageKind.COMMAND_SIGNALS,
            "notifications", MessageKind.COMMAND_NOTIFICATIONS,
            "id", MessageKind.COMMAND_ID);
    private static final List<String> ORDER = List.of("start", "status", "signals", "notifications", "id");

    private final Optional<TelegramRegistration> registration;

    CommandMenu(Optional<TelegramClient> telegram, Replies replies) {
        this.registration = telegram.map(client -> menuOf(client, replies));
    }

    private static TelegramRegistration menuOf(TelegramClient telegram, Replies replies) {
        return new TelegramRegistration("the command menu", "The bot's command menu is set", () -> {
            for (String language : MessageTemplates.LANGUAGES) {
                telegram.execute(new SetMyCommands(commands(replies, language), null, language));
            }
            telegram.execute(new SetMyCommands(commands(replies, null), null, null));
        }, () -> { });
    }

    private static List<BotCommand> commands(Replies replies, String language) {
        return ORDER.stream()
                .<BotCommand>map(command -> BotCommand.builder().command(command)
                        .description(replies.label(language, COMMANDS.get(command))).build())
                .toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void set() {
        registration.ifPresent(TelegramRegistration::start);
    }

    @PreDestroy
    void stop() {
        registration.ifPresent(TelegramRegistration::stop);
    }
}
