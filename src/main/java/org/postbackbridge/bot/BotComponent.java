package org.postbackbridge.bot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.postbackbridge.telegram.ConditionalOnTelegramToken;
import org.springframework.stereotype.Component;

/** A part of the bot: it exists only with a bot token; without one the service runs in dry-run, botless. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Component
@ConditionalOnTelegramToken
@interface BotComponent {
}
