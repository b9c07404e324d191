package org.postbackbridge.bot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A part of the bot that handles updates: created with the first update, so never without a bot
 * token, where there are no updates and no Telegram client (see {@link UpdateSource}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Component
@Lazy
@interface BotComponent {
}
