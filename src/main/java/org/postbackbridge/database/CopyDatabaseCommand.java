package org.postbackbridge.database;

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
            System.err.println("Not copied: " + e.getMessage());
            return 1;
        }
    }
}
