package com.ecommerce.analytics.imports.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.ecommerce.analytics.platform.errors.InvalidRequest;

/**
 * Streams a transaction-line file row by row: each row is a sale to stage or a rejection with its line number
 * and the row as it was, nothing is held but the row being read. A file that is not UTF-8 text, has no header
 * with the eight columns or cannot be parsed is refused whole (400), naming where.
 */
public class SalesFileReader {

    /** A row is at most this long (as CSV): what an import keeps of it to show it back. */
    static final int LONGEST_ROW = 4000;

    /** What becomes of each row. */
    public interface Rows {
        void sale(SalesLine line, String raw);

        void rejected(long line, String reason, String raw);
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final SalesLineFormat format;
    private final String header;
    private long endOfLastRow;
    private long rowsRead;

    public SalesFileReader(InputStream body, ZoneId zone, Instant now) {
        try {
            // Empty lines are read as rows (and skipped here) so that the parser's line count stays the file's.
            this.parser = FORMAT.parse(strictUtf8(body));
            this.rows = parser.iterator();
            if (!rows.hasNext()) {
                throw InvalidRequest.field("body", "the file is empty; expected the header " + SalesLineFormat.HEADER);
            }
            List<String> names = rows.next().toList();
            this.format = SalesLineFormat.fromHeader(names, zone, now);
            this.header = asWritten(names.toArray(String[]::new));
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e, 1);
        }
        this.endOfLastRow = parser.getCurrentLineNumber();
    }

    /** The header row as the rejected rows are written back: the file's own columns, in its order. */
    public String header() {
        return header;
    }

    /** Reads every row into the given sink; answers how many rows it read, the header and empty lines not counted. */
    public long readAll(Rows sink) {
        try {
            while (rows.hasNext()) {
                long line = endOfLastRow + 1;
                CSVRecord row = rows.next();
                endOfLastRow = parser.getCurrentLineNumber();
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                rowsRead++;
                read(row, line, sink);
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e, endOfLastRow + 1);
        }
        return rowsRead;
    }

    public long rowsRead() {
        return rowsRead;
    }

    private void read(CSVRecord row, long line, Rows sink) {
        String raw = asWritten(row.values());
        if (raw.length() > LONGEST_ROW) {
            sink.rejected(line, "the row is longer than " + LONGEST_ROW + " characters", raw.substring(0, LONGEST_ROW));
            return;
        }
        if (raw.indexOf('\0') >= 0) {
            throw InvalidRequest.field("body", "line " + line + " holds a NUL character: this is a binary file, not "
                    + "CSV text");
        }
        try {
            sink.sale(format.parse(row, line), raw);
        } catch (SalesLineFormat.LineRejected e) {
            sink.rejected(line, e.getMessage(), raw);
        }
    }

    /** The row as CSV again: its values, quoted where a value needs it (RFC 4180), as the file must have had them. */
    static String asWritten(String[] values) {
        StringBuilder row = new StringBuilder(128);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            String value = values[i];
            boolean quoted = value.isEmpty() ? false : value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                    || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.charAt(0) == ' '
                    || value.charAt(value.length() - 1) == ' ';
            if (quoted) {
                row.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                row.append(value);
            }
        }
        return row.toString();
    }

    private static Reader strictUtf8(InputStream body) {
        return new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static InvalidRequest unreadable(Exception e, long line) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return InvalidRequest.field("body", "the file is not UTF-8 text (a byte that is not UTF-8 near line " + line
                    + "); save it as CSV UTF-8 and send it again");
        }
        return InvalidRequest.field("body", "the file cannot be read at line " + line + ": " + cause.getMessage()
                + "; nothing was imported");
    }
}
