package org.postbackbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table is named in SQL only by the module that owns it, so a schema change is a change to one
 * module. The test reads the sources: a table after FROM, JOIN, INTO, UPDATE or TABLE in a file of
 * another module is a failure, unless it is in the console's query classes.
 */
class TableOwnershipTest {

    static final Path SOURCES = Path.of("src/main/java/org/postbackbridge");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Table → the module (top-level package) that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("postbacks", "intake"),
            Map.entry("applied_tests", "intake"),
            Map.entry("players", "attribution"),
            Map.entry("claims", "attribution"),
            Map.entry("users", "users"),
            Map.entry("events", "eventlog"),
            Map.entry("outbox", "outbox"),
            Map.entry("settings", "platform"),
            Map.entry("console_sessions", "console"),
            Map.entry("operator_actions", "console"),
            Map.entry("reconcile_uploads", "console"),
            Map.entry("api_keys", "integration"),
            Map.entry("webhook_endpoints", "webhooks"),
            Map.entry("webhook_deliveries", "webhooks"));

    /** The console's declared query classes: the one place that may name any module's tables. */
    static final String QUERIES = "console/queries/";

    static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");

    @Test
    void everyTableHasAnOwner() {
        Set<String> created = new TreeSet<>();
        for (Path migration : files(MIGRATIONS, ".sql")) {
            Matcher matcher = CREATE_TABLE.matcher(read(migration));
            while (matcher.find()) {
                created.add(matcher.group(1).toLowerCase());
            }
        }
        assertThat(created).as("tables the migrations create").isNotEmpty();
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void eachTableIsNamedInSqlOnlyByItsOwner() {
        Map<String, Set<String>> crossReads = crossReads();

        assertThat(crossReads).as("tables named outside their owning module (source file → tables)").isEmpty();
    }

    @Test
    void theScanFindsTheOwnersOwnSql() {
        assertThat(tablesNamedIn(SOURCES.resolve("outbox/Outbox.java"))).contains("outbox");
        assertThat(tablesNamedIn(SOURCES.resolve("users/UserRepository.java"))).contains("users");
    }

    @Test
    void theConsoleQueriesAreWhereTheCrossModuleReadsAre() {
        assertThat(tablesNamedIn(SOURCES.resolve(QUERIES + "DashboardFigures.java")))
                .contains("players", "postbacks", "users");
    }

    static Map<String, Set<String>> crossReads() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Path source : files(SOURCES, ".java")) {
            String relative = SOURCES.relativize(source).toString().replace('\\', '/');
            if (relative.startsWith(QUERIES)) {
                continue;
            }
            String module = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
            Set<String> foreign = tablesNamedIn(source).stream()
                    .filter(table -> !OWNERS.get(table).equals(module))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!foreign.isEmpty()) {
                found.put(relative, foreign);
            }
        }
        return found;
    }

    static Set<String> tablesNamedIn(Path source) {
        Pattern named = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(" + String.join("|", OWNERS.keySet())
                + ")\\b");
        Matcher matcher = named.matcher(read(source));
        Set<String> tables = new TreeSet<>();
        while (matcher.find()) {
            tables.add(matcher.group(1));
        }
        return tables;
    }

    static java.util.List<Path> files(Path root, String suffix) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
