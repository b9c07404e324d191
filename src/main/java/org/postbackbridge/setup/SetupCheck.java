package org.postbackbridge.setup;

/**
 * Checks one {@link SetupItem}. Each lives in the module that owns what it checks; the setup
 * report and the console's setup page ask them all. A check may call Telegram, so it may take as
 * long as one Bot API request; it never throws for what it finds.
 */
public interface SetupCheck {

    SetupResult check();
}
