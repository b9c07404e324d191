package org.postbackbridge.platform.database;

/**
 * {@code java -jar postback-bridge.jar copy-database --from <DATABASE_URL> --to <DATABASE_URL>}:
 * runs {@link DatabaseCopy} without starting the service. Exit status 0 when copied, 1 when not, 2 on
 * wrong arguments.
 */
public final class CopyDatabaseCommand {

    public static final String NAME = "copy-database";

    private CopyDatabaseCommand() {
    }

    public static int run(String[] args) {
        String from = null;
        String to = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--from" -> from = args[i + 1];
                case "--to" -> to = args[i + 1];
                default -> from = to = null;
            }
        }
        if (from == null || to == null || args.length != 5) {
            System.err.println("usage: java -jar postback-bridge.jar copy-database --from <DATABASE_URL> --to <DATABASE_URL>");
            return 2;
        }
        try {
            new DatabaseCopy(System.out).copy(DatabaseUrl.parse(from), DatabaseUrl.parse(to));
            return 0;
        } catch (Exception e) {
            System.err.println("Not copied: " + withoutPasswords(String.valueOf(e.getMessage()), from, to));
            return 1;
        }
    }

    /** Drivers and Flyway may quote a URL in their errors; its password must not reach the terminal. */
    private static String withoutPasswords(String message, String... urls) {
        String masked = message.replaceAll("password=[^&\\s)]*", "password=***");
        for (String url : urls) {
            try {
                String password = DatabaseUrl.parse(url).password();
                if (password != null && !password.isEmpty()) {
                    masked = masked.replace(password, "***");
                }
            } catch (IllegalArgumentException unparseable) {
                // Nothing parsed, so nothing of it was used in a connection either.
            }
        }
        return masked;
    }
}
