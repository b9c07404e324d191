package org.postbackbridge.telegram;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Only with a bot token ({@code TELEGRAM_TOKEN}); without one the service runs in dry-run, botless. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnExpression("!'${postback-bridge.telegram.token:}'.isBlank()")
public @interface ConditionalOnTelegramToken {
}
