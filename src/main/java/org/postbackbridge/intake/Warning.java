package org.postbackbridge.intake;

/**
 * Something a postback was accepted in spite of: a stable code, the parameter concerned (if one
 * is) and a sentence for the operator. Shown in the answer, the log and the tester.
 */
public record Warning(String code, String parameter, String message) {

    /** A macro the cabinet left as written in a parameter we can do without. */
    public static final String UNSUBSTITUTED_MACRO = "unsubstituted_macro";
    /** Without a transaction ID or a date, identical postbacks count as one only within the dedupe window. */
    public static final String NO_TRANSACTION_ID = "no_transaction_id";
    /** A date in no format we know: the time of receipt stands in for it. */
    public static final String UNREADABLE_DATE = "unreadable_date";
    /** Run again from the console by an operator. */
    public static final String REPLAYED = "replayed";
}
