package com.ecommerce.analytics.imports.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

import com.ecommerce.analytics.customers.control.CountryNames;
import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.errors.InvalidRequest;

/**
 * The transaction-line layout of public retail data sets (UCI "Online Retail"): its header names the
 * columns, in any order, with the spellings of both editions of the data set ("InvoiceNo" or "Invoice",
 * "UnitPrice" or "Price", "CustomerID" or "Customer ID"); each row is read into a {@link SalesLine} or
 * refused with the reason a merchant can fix.
 */
public class SalesLineFormat {

    enum Column {
        INVOICE("InvoiceNo", "Invoice"), STOCK_CODE("StockCode"), DESCRIPTION("Description"), QUANTITY("Quantity"),
        INVOICE_DATE("InvoiceDate"), UNIT_PRICE("UnitPrice", "Price"), CUSTOMER("CustomerID"), COUNTRY("Country");

        final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }
    }

    public static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /** Strict: 2026-02-30 is no date, where the default resolver would read 2026-02-28. */
    private static final DateTimeFormatter ISO_STYLE = strict("uuuu-MM-dd[' ']['T']HH:mm[:ss]");
    private static final DateTimeFormatter SPREADSHEET_STYLE = strict("M/d/uuuu H:mm[:ss]");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** Amounts are stored as DECIMAL(12,2): a price, a line's or an invoice's total must stay below this. */
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("9999999999.99");

    /** Reference numbers are stored in a VARCHAR(64), as SKUs are. */
    private static final int LONGEST_REFERENCE = 64;
    private static final int LONGEST_EMAIL = 254;

    private final Map<Column, Integer> positions;
    private final int width;
    private final ZoneId zone;
    private final Instant now;

    private SalesLineFormat(Map<Column, Integer> positions, int width, ZoneId zone, Instant now) {
        this.positions = positions;
        this.width = width;
        this.zone = zone;
        this.now = now;
    }

    /** Reads the header row; a header without the eight columns is refused as a whole (nothing can be read). */
    public static SalesLineFormat fromHeader(List<String> header, ZoneId zone, Instant now) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(normalise(header.get(i)), i);
        }
        Map<Column, Integer> positions = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            column.names.stream().map(SalesLineFormat::normalise).filter(byName::containsKey).findFirst()
                    .ifPresentOrElse(name -> positions.put(column, byName.get(name)), () -> missing.add(column.names.get(0)));
        }
        if (!missing.isEmpty()) {
            throw InvalidRequest.field("body", "the header row lacks " + String.join(", ", missing)
                    + "; expected " + HEADER);
        }
        return new SalesLineFormat(positions, header.size(), zone, now);
    }

    public static boolean isCreditNote(String invoice) {
        return invoice.regionMatches(true, 0, "C", 0, 1);
    }

    public SalesLine parse(CSVRecord row, long line) throws LineRejected {
        if (row.size() != width) {
            throw new LineRejected("expected " + width + " values, found " + row.size());
        }
        // Invoice and customer numbers are kept in capitals, so that every engine finds them whatever the case.
        String invoice = ImportTables.normal(reference(row, Column.INVOICE));
        String sku = reference(row, Column.STOCK_CODE);
        int quantity = quantity(value(row, Column.QUANTITY));
        boolean credit = isCreditNote(invoice);
        if (credit && quantity > 0) {
            throw new LineRejected("credit note " + invoice + " has a positive Quantity " + quantity);
        }
        if (!credit && quantity < 0) {
            throw new LineRejected("Quantity " + quantity + " is negative on invoice " + invoice
                    + ", which is not a credit note (InvoiceNo starting with C)");
        }
        Instant date = date(value(row, Column.INVOICE_DATE));
        BigDecimal price = price(value(row, Column.UNIT_PRICE));
        if (price.multiply(BigDecimal.valueOf(quantity)).abs().compareTo(LARGEST_AMOUNT) > 0) {
            throw new LineRejected("the line's total, " + Math.abs(quantity) + " x " + price + ", is more than "
                    + LARGEST_AMOUNT);
        }
        String customer = ImportTables.normal(customer(value(row, Column.CUSTOMER)));
        CountryCode country = CountryNames.resolve(value(row, Column.COUNTRY))
                .orElseThrow(() -> new LineRejected("unknown country '" + value(row, Column.COUNTRY) + "'"));
        return new SalesLine(line, invoice, sku, value(row, Column.DESCRIPTION), quantity, date, price, customer, country);
    }

    private String value(CSVRecord row, Column column) {
        return row.get(positions.get(column)).trim();
    }

    private String reference(CSVRecord row, Column column) throws LineRejected {
        String value = value(row, column);
        if (value.isEmpty()) {
            throw new LineRejected("no " + column.names.get(0));
        }
        if (value.length() > LONGEST_REFERENCE) {
            throw new LineRejected(column.names.get(0) + " is longer than " + LONGEST_REFERENCE + " characters");
        }
        return value;
    }

    private static int quantity(String value) throws LineRejected {
        int quantity;
        try {
            quantity = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            if (value.matches("[+-]?\\d+")) {
                throw new LineRejected("Quantity " + value + " is out of range (at most " + Integer.MAX_VALUE + " units)");
            }
            throw new LineRejected("Quantity '" + value + "' is not a whole number");
        }
        if (quantity == 0) {
            throw new LineRejected("Quantity is 0");
        }
        return quantity;
    }

    private Instant date(String value) throws LineRejected {
        Instant date;
        try {
            // One style tried, chosen by its look: a failed parse costs an exception, and a file has a million rows.
            date = LocalDateTime.parse(value, value.indexOf('/') >= 0 ? SPREADSHEET_STYLE : ISO_STYLE).atZone(zone)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new LineRejected("InvoiceDate '" + value + "' is not a date like 2010-12-01 08:26:00 or 12/1/2010 8:26");
        }
        if (date.isAfter(now)) {
            throw new LineRejected("InvoiceDate " + value + " is in the future");
        }
        if (date.isBefore(EARLIEST)) {
            throw new LineRejected("InvoiceDate " + value + " is before 1970");
        }
        return date;
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Prices are kept in cents, rounded half up, as every amount of the platform is. */
    private static BigDecimal price(String value) throws LineRejected {
        BigDecimal price;
        try {
            price = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new LineRejected("UnitPrice '" + value + "' is not a number");
        }
        if (price.signum() < 0) {
            throw new LineRejected("UnitPrice " + value + " is negative");
        }
        if (price.compareTo(LARGEST_AMOUNT) > 0) {
            throw new LineRejected("UnitPrice " + value + " is more than " + LARGEST_AMOUNT);
        }
        return price.setScale(2, RoundingMode.HALF_UP);
    }

    /** Spreadsheets write customer numbers as decimals: "17850.0" is customer 17850. */
    private static String customer(String value) throws LineRejected {
        if (value.isEmpty()) {
            throw new LineRejected("no CustomerID");
        }
        if (value.length() > LONGEST_REFERENCE || ImportedCustomers.email(value).length() > LONGEST_EMAIL) {
            throw new LineRejected("CustomerID is longer than " + LONGEST_REFERENCE + " characters");
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.stripTrailingZeros().scale() <= 0) {
                return number.toBigInteger().toString();
            }
        } catch (NumberFormatException e) {
            // not a number: an alphanumeric customer reference, kept as written
        }
        return value;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** Why a row cannot be imported. */
    public static class LineRejected extends Exception {
        public LineRejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
