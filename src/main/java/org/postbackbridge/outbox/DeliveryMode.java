package org.postbackbridge.outbox;

import java.util.List;
import org.postbackbridge.telegram.TelegramProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * How messages leave the service, decided once at start: to Telegram with a bot token; without one,
 * <em>headless</em> when another bot takes the events ({@link ExternalBot}): no message is rendered,
 * queued or warned about, the operator's bot tells its users; otherwise <em>dry-run</em>: messages are
 * rendered and recorded, not sent. Decided at start so a running service does not change its mind
 * halfway through a postback; adding the first webhook endpoint or API key takes a restart.
 */
@Component
public class DeliveryMode implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DeliveryMode.class);

    private final TelegramProperties telegram;
    private final ObjectProvider<ExternalBot> externalBots;
    private volatile boolean headless;

    DeliveryMode(TelegramProperties telegram, ObjectProvider<ExternalBot> externalBots) {
        this.telegram = telegram;
        this.externalBots = externalBots;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!telegram.dryRun()) {
            return;
        }
        List<ExternalBot> connected = externalBots.stream().filter(ExternalBot::connected).toList();
        headless = !connected.isEmpty();
        if (headless) {
            log.info("Headless: TELEGRAM_TOKEN is not set and your own bot takes the events ({}): "
                    + "no Telegram messages are rendered or sent", connected.getFirst().describe());
        } else {
            log.warn("TELEGRAM_TOKEN is not set: Telegram delivery runs in dry-run (messages are rendered, "
                    + "logged and recorded as 'dry_run', not sent)");
        }
    }

    /** No bot token, and the operator's own bot takes the events: nothing goes to Telegram, nothing is queued. */
    public boolean headless() {
        return headless;
    }

    /** No bot token and no other bot: messages are recorded as they would be sent. */
    public boolean dryRun() {
        return telegram.dryRun() && !headless;
    }
}
