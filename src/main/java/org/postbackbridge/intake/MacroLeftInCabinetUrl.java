package org.postbackbridge.intake;

/**
 * A postback was processed although one of its parameters held a macro the cabinet did not
 * substitute: the cabinet's URL for this event names a macro the partner program does not have.
 * Published inside the postback's transaction.
 */
public record MacroLeftInCabinetUrl(String network, String event, String parameter) {
}
