package org.postbackbridge.setup;

/**
 * One item's state: {@code found} says what is there; {@code fix}, for anything not {@link Verdict#OK},
 * says what to do about it, naming the setting.
 */
public record SetupResult(SetupItem item, Verdict verdict, String found, String fix) {

    public enum Verdict {
        /** Works. */
        OK,
        /** Not done yet, or not configured: the service runs, but something users need is missing. */
        TODO,
        /** Configured but broken. */
        PROBLEM
    }

    public static SetupResult ok(SetupItem item, String found) {
        return new SetupResult(item, Verdict.OK, found, "");
    }

    public static SetupResult todo(SetupItem item, String found, String fix) {
        return new SetupResult(item, Verdict.TODO, found, fix);
    }

    public static SetupResult problem(SetupItem item, String found, String fix) {
        return new SetupResult(item, Verdict.PROBLEM, found, fix);
    }

    public boolean ok() {
        return verdict == Verdict.OK;
    }
}
