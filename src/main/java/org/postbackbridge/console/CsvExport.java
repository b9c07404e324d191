package org.postbackbridge.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV download: UTF-8 with a byte-order mark (so spreadsheet programs read Cyrillic right), fields
 * and decimals separated as the operator's spreadsheet program expects ({@link CsvStyle}), and
 * cells that a spreadsheet would run as a formula neutralised with a leading quote, since
 * postback parameters come from outside.
 */
final class CsvExport implements AutoCloseable {

    private final CSVPrinter printer;
    private final CsvStyle style;

    private CsvExport(CSVPrinter printer, CsvStyle style) {
        this.printer = printer;
        this.style = style;
    }

    static CsvExport start(HttpServletResponse response, CsvStyle style, String fileName, String... header)
            throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        Writer writer = response.getWriter();
        writer.write('\uFEFF');
        return new CsvExport(new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(style.delimiter())
                .setHeader(header).get()), style);
    }

    void row(Object... cells) {
        try {
            printer.printRecord(Arrays.stream(cells).map(CsvExport::safe));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A decimal number, written with the download's decimal mark. */
    Object number(Object cell) {
        return style.number(cell);
    }

    static Object safe(Object cell) {
        if (!(cell instanceof String text) || text.isEmpty()) {
            return cell;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || first == '-' && !text.matches("-\\d+(\\.\\d+)?");
        return formula ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
