package com.ecommerce.analytics.imports.control;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.ecommerce.analytics.platform.errors.InvalidRequest;

/**
 * Streams a transaction-line file as invoices, one at a time: only the invoice being read is held. Rows
 * that cannot be read go to the rejections with their line number.
 */
public class InvoiceReader {

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final SalesLineFormat format;
    private final Rejections rejections;
    /** Where each invoice read so far began: an invoice number seen again later is refused, not merged. */
    private final Map<String, Long> invoicesRead = new HashMap<>();
    private List<SalesLine> pending = new ArrayList<>();
    private long rowsRead;
    private long endOfLastRow;

    public InvoiceReader(Reader body, ZoneId zone, Instant now, Rejections rejections) {
        try {
            // Empty lines are read as rows (and skipped here) so that the parser's line count stays the file's.
            this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.rows = parser.iterator();
        if (!rows.hasNext()) {
            throw InvalidRequest.field("body", "the file is empty; expected the header " + SalesLineFormat.HEADER);
        }
        this.format = SalesLineFormat.fromHeader(rows.next().toList(), zone, now);
        this.endOfLastRow = parser.getCurrentLineNumber();
        this.rejections = rejections;
    }

    /** The next invoice with at least one valid line, or null at the end of the file. */
    public Invoice next() {
        while (rows.hasNext()) {
            long line = endOfLastRow + 1;
            CSVRecord row = rows.next();
            endOfLastRow = parser.getCurrentLineNumber();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            rowsRead++;
            SalesLine sale;
            try {
                sale = format.parse(row, line);
            } catch (SalesLineFormat.LineRejected e) {
                rejections.add(line, e.getMessage());
                continue;
            }
            if (!pending.isEmpty() && !pending.get(0).invoice().equals(sale.invoice())) {
                Invoice invoice = complete();
                take(sale);
                return invoice;
            }
            take(sale);
        }
        return pending.isEmpty() ? null : complete();
    }

    /** The line the last row read ended on. */
    public long lastGoodLine() {
        return endOfLastRow;
    }

    /** Rows read so far, the header not counted. */
    public long rowsRead() {
        return rowsRead;
    }

    private void take(SalesLine sale) {
        if (pending.isEmpty()) {
            Long earlier = invoicesRead.get(sale.invoice());
            if (earlier != null) {
                rejections.add(sale.line(), "invoice " + sale.invoice() + " began earlier, on line " + earlier
                        + "; an invoice's lines must be consecutive");
            } else {
                pending.add(sale);
            }
            return;
        }
        SalesLine first = pending.get(0);
        if (!first.customer().equals(sale.customer())) {
            rejections.add(sale.line(), "invoice " + sale.invoice() + " is for customer " + first.customer()
                    + " (line " + first.line() + "); this line names customer " + sale.customer());
        } else {
            pending.add(sale);
        }
    }

    private Invoice complete() {
        SalesLine first = pending.get(0);
        invoicesRead.put(first.invoice(), first.line());
        Invoice invoice = new Invoice(first.invoice(), first.customer(), first.country(), first.date(), List.copyOf(pending));
        pending = new ArrayList<>();
        return invoice;
    }
}
