package org.postbackbridge.outbox;

/**
 * Whether another bot, the operator's own, takes this service's events (through webhooks or the
 * integration API). Without a bot token the service then runs headless instead of in dry-run.
 */
public interface ExternalBot {

    boolean connected();

    /** What connects it, for the start's log line and the setup page, e.g. "1 webhook endpoint". */
    String describe();
}
