package org.postbackbridge.console.reconcile;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A partner cabinet's CSV export as read: its header and rows. Cabinets in Russian locales write
 * {@code ;} between fields, others {@code ,}; the header line decides.
 */
record CabinetTable(List<String> header, List<Row> rows) {

    /** More columns than a cabinet export has; a wider header would make the preview page huge. */
    static final int MAX_COLUMNS = 200;
    /** Rows read from one file: a month of a large program's conversions. */
    static final int MAX_ROWS = 100_000;

    /** A data row and its line in the file, for messages about it. */
    record Row(long line, List<String> cells) {
    }

    static CabinetTable parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String firstLine = csv.lines().findFirst().orElse("");
        if (firstLine.isBlank()) {
            throw CabinetProblem.of("the file is empty", "reconcile.file.empty");
        }
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() > MAX_COLUMNS) {
                    throw CabinetProblem.counting("line " + record.getRecordNumber() + " has " + record.size()
                            + " columns; reconciliation reads at most " + MAX_COLUMNS + ". Export only the player ID, "
                            + "event, amount and date columns.", "reconcile.file.wide", record.size(),
                            record.getRecordNumber(), MAX_COLUMNS);
                }
                if (header == null) {
                    header = record.toList();
                } else if (rows.size() == MAX_ROWS) {
                    throw CabinetProblem.of("the file has more than " + MAX_ROWS + " rows, the most "
                            + "reconciliation reads at once. Export a shorter period and reconcile it in parts.",
                            "reconcile.file.long", String.valueOf(MAX_ROWS));
                } else {
                    rows.add(new Row(record.getRecordNumber(), record.toList()));
                }
            }
            return new CabinetTable(header, rows);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw CabinetProblem.of("the file is not readable as CSV: " + e.getMessage(), "reconcile.file.notCsv",
                    e.getMessage());
        }
    }

    /** The index of the first column whose name contains one of {@code hints} (any case), or -1. */
    int guess(List<String> hints) {
        for (String hint : hints) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase().contains(hint)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
