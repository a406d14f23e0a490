package com.ecommerce.analytics.imports.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.database.InList;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;

/**
 * The statements of an import's staging tables: the file's valid rows (import_line) and its invoices in the
 * order they are written (import_invoice), read back a slice at a time by key, so that memory holds a slice
 * whatever the size of the file, and the rows it refused (import_rejection).
 */
final class StagingTables {

    /** A staged row: a valid line of the file and the row as it was written there. */
    record StagedLine(SalesLine line, String raw) {
    }

    /** Where an invoice stands in the order of writing: by its earliest line's date, then its number. */
    record InvoiceKey(Instant date, String number) {
        static final InvoiceKey FIRST = new InvoiceKey(Instant.EPOCH.minusSeconds(1), "");
    }

    /** The description and price that a product first seen in the file is created with. */
    record StagedSale(String sku, String description, BigDecimal unitPrice, Instant date, String invoice) {
    }

    private static final int SLICE = 1_000;

    private final Connection db;

    StagingTables(Connection db) {
        this.db = db;
    }

    void insertLines(long run, List<StagedLine> lines) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO import_line (import_id, line, invoice, credit, sku, "
                + "sku_key, description, quantity, sold_at, unit_price, customer, country, raw) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StagedLine staged : lines) {
                SalesLine line = staged.line();
                insert.setLong(1, run);
                insert.setLong(2, line.line());
                insert.setString(3, line.invoice());
                insert.setBoolean(4, SalesLineFormat.isCreditNote(line.invoice()));
                insert.setString(5, line.sku());
                insert.setString(6, ImportTables.normal(line.sku()));
                insert.setString(7, line.description().length() > ImportedProducts.LONGEST_NAME
                        ? line.description().substring(0, ImportedProducts.LONGEST_NAME) : line.description());
                insert.setInt(8, line.quantity());
                insert.setObject(9, UtcInstantConverter.toColumn(line.date()));
                insert.setBigDecimal(10, line.unitPrice());
                insert.setString(11, line.customer());
                insert.setString(12, line.country().value());
                insert.setString(13, staged.raw());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void insertRejections(long run, List<RejectedRow> rows) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO import_rejection (import_id, line, reason, raw) "
                + "VALUES (?, ?, ?, ?)")) {
            for (RejectedRow row : rows) {
                insert.setLong(1, run);
                insert.setLong(2, row.line());
                insert.setString(3, shortened(row.reason()));
                insert.setString(4, row.row());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Rejections of staged lines (a credit line nothing can refund, an invoice naming two customers). */
    void rejectStaged(long run, List<Rejection> rejections) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO import_rejection (import_id, line, reason, raw) "
                + "SELECT import_id, line, ?, raw FROM import_line WHERE import_id = ? AND invoice = ? AND line = ?")) {
            for (Rejection rejection : rejections) {
                insert.setString(1, shortened(rejection.reason()));
                insert.setLong(2, run);
                insert.setString(3, rejection.invoice());
                insert.setLong(4, rejection.line());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Lists every staged invoice once, dated at its earliest line; answers how many there are. */
    long indexInvoices(long run) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO import_invoice (import_id, credit, sold_at, invoice) "
                + "SELECT import_id, credit, MIN(sold_at), invoice FROM import_line WHERE import_id = ? "
                + "GROUP BY import_id, credit, invoice")) {
            insert.setLong(1, run);
            return insert.executeUpdate();
        }
    }

    /** The next invoices (or credit notes) after the given one in the order of writing. */
    List<InvoiceKey> invoicesAfter(long run, boolean credit, InvoiceKey after, int count) throws SQLException {
        List<InvoiceKey> keys = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT sold_at, invoice FROM import_invoice WHERE import_id = ? "
                + "AND credit = ? AND (sold_at > ? OR (sold_at = ? AND invoice > ?)) ORDER BY sold_at, invoice "
                + "LIMIT " + count)) {
            Object date = UtcInstantConverter.toColumn(after.date());
            query.setLong(1, run);
            query.setBoolean(2, credit);
            query.setObject(3, date);
            query.setObject(4, date);
            query.setString(5, after.number());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(new InvoiceKey(instant(rows, 1), rows.getString(2)));
                }
            }
        }
        return keys;
    }

    /** The staged lines of these invoices. */
    List<SalesLine> linesOf(long run, Collection<String> invoices) throws SQLException {
        List<SalesLine> lines = new ArrayList<>();
        List<String> numbers = List.copyOf(invoices);
        for (int from = 0; from < numbers.size(); from += SLICE) {
            List<String> slice = numbers.subList(from, Math.min(numbers.size(), from + SLICE));
            try (PreparedStatement query = db.prepareStatement("SELECT line, invoice, sku, description, quantity, sold_at, "
                    + "unit_price, customer, country FROM import_line WHERE import_id = ? AND invoice IN "
                    + InList.of(slice.size()))) {
                query.setLong(1, run);
                bind(query, 2, slice);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        lines.add(new SalesLine(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getInt(5), instant(rows, 6), rows.getBigDecimal(7), rows.getString(8),
                                new CountryCode(rows.getString(9))));
                    }
                }
            }
        }
        return lines;
    }

    /** The next SKUs of the file (sold or returned), compared without case. */
    List<String> skusAfter(long run, String after, int count) throws SQLException {
        List<String> skus = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT DISTINCT sku_key FROM import_line WHERE import_id = ? "
                + "AND sku_key > ? ORDER BY sku_key LIMIT " + count)) {
            query.setLong(1, run);
            query.setString(2, after);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    skus.add(rows.getString(1));
                }
            }
        }
        return skus;
    }

    /** Every sale of these SKUs in the file. */
    List<StagedSale> salesOf(long run, List<String> skuKeys) throws SQLException {
        List<StagedSale> sales = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT sku, description, unit_price, sold_at, invoice "
                + "FROM import_line WHERE import_id = ? AND credit = FALSE AND sku_key IN " + InList.of(skuKeys.size()))) {
            query.setLong(1, run);
            bind(query, 2, skuKeys);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sales.add(new StagedSale(rows.getString(1), rows.getString(2), rows.getBigDecimal(3), instant(rows, 4),
                            rows.getString(5)));
                }
            }
        }
        return sales;
    }

    /** Every spelling of these SKUs in the file. */
    List<String> spellingsOf(long run, List<String> skuKeys) throws SQLException {
        List<String> spellings = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT DISTINCT sku FROM import_line WHERE import_id = ? "
                + "AND sku_key IN " + InList.of(skuKeys.size()))) {
            query.setLong(1, run);
            bind(query, 2, skuKeys);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    spellings.add(rows.getString(1));
                }
            }
        }
        return spellings;
    }

    void insertProductIds(long run, Map<String, Long> ids) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO import_product (import_id, sku_key, product_id) "
                + "VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> id : ids.entrySet()) {
                insert.setLong(1, run);
                insert.setString(2, id.getKey());
                insert.setLong(3, id.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The products of these SKUs (compared without case), as the run found or created them. */
    Map<String, Long> productIds(long run, Collection<String> skuKeys) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        List<String> keys = List.copyOf(skuKeys);
        for (int from = 0; from < keys.size(); from += SLICE) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + SLICE));
            try (PreparedStatement query = db.prepareStatement("SELECT sku_key, product_id FROM import_product "
                    + "WHERE import_id = ? AND sku_key IN " + InList.of(slice.size()))) {
                query.setLong(1, run);
                bind(query, 2, slice);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        return ids;
    }

    /** Deletes up to this many of the run's staged rows; answers how many it deleted. */
    int clear(long run, int count) throws SQLException {
        int deleted = 0;
        for (String table : List.of("import_line", "import_invoice", "import_product")) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM " + table + " WHERE import_id = ? LIMIT "
                    + count)) {
                delete.setLong(1, run);
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }

    private static void bind(PreparedStatement query, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            query.setString(first + i, values.get(i));
        }
    }

    private static String shortened(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
