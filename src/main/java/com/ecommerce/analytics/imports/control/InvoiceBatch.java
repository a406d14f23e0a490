package com.ecommerce.analytics.imports.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.ecommerce.analytics.analytics.control.BulkSalesLedger;
import com.ecommerce.analytics.analytics.control.SalesBatch;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Writes a batch of invoices in one transaction, with batched JDBC: whole invoices or nothing, and the
 * sales aggregates with them. Invoices already imported (their number is an order's or a refund's external
 * reference) are skipped, so a re-run creates only what is new.
 */
@Stateless
public class InvoiceBatch {

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    BulkSalesLedger ledger;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ImportTally write(List<Invoice> invoices, ImportedProducts products) {
        SalesBatch sales = ledger.begin();
        ImportTally tally = new ImportTally();
        Instant now = StoredTime.now();
        try (Connection db = dataSource.getConnection()) {
            List<Invoice> fresh = notImported(db, invoices, tally);
            List<Invoice> orders = fresh.stream().filter(invoice -> !invoice.isCredit()).toList();
            List<Invoice> credits = fresh.stream().filter(Invoice::isCredit).toList();

            Map<String, Long> customers = ImportedCustomers.find(db, fresh.stream().map(Invoice::customer).toList());
            tally.customersCreated = ImportedCustomers.createMissing(db, orders, customers);
            List<SalesLine> sold = orders.stream().flatMap(invoice -> invoice.lines().stream()).toList();
            Map<String, Long> productIds = products.find(db, fresh.stream()
                    .flatMap(invoice -> invoice.lines().stream()).map(SalesLine::sku).distinct().toList());
            tally.productsCreated = products.createOrReprice(db, sold, productIds, now);

            writeOrders(db, orders, customers, productIds, sales, tally, now);
            tally.refundsCreated = CreditNotes.refund(db, credits, customers, productIds, sales, tally, now);
            ledger.count(sales);
            return tally;
        } catch (SQLException e) {
            if (isDuplicateReference(e)) {
                throw new Conflict("Another import wrote some of the invoices from line " + invoices.get(0).firstLine()
                        + " at the same time; import the file again to complete it (what was imported is skipped).");
            }
            throw new IllegalStateException("Cannot write the invoices from line " + invoices.get(0).firstLine(), e);
        }
    }

    /** A unique external reference (or SKU) met rows another import committed since this batch looked. */
    private static boolean isDuplicateReference(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof SQLException sql && String.valueOf(sql.getSQLState()).startsWith("23")
                    && (message.contains("external_reference") || message.contains("uq_product_sku"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Invoice> notImported(Connection db, List<Invoice> invoices, ImportTally tally) throws SQLException {
        Set<String> imported = Keys.ids(db, "SELECT external_reference, id FROM orders WHERE external_reference IN (?)",
                invoices.stream().filter(invoice -> !invoice.isCredit()).map(Invoice::number).toList()).keySet();
        Set<String> refunded = Keys.ids(db, "SELECT external_reference, MIN(id) FROM refund WHERE external_reference IN (?) "
                + "GROUP BY external_reference", invoices.stream().filter(Invoice::isCredit).map(Invoice::number).toList())
                .keySet();
        List<Invoice> fresh = new ArrayList<>();
        for (Invoice invoice : invoices) {
            String number = Keys.normal(invoice.number());
            if (imported.contains(number) || refunded.contains(number)) {
                tally.invoicesAlreadyImported++;
                tally.rowsAlreadyImported += invoice.lines().size();
            } else {
                fresh.add(invoice);
            }
        }
        return fresh;
    }

    /** Historical orders: delivered, and their stock is not taken (it left the warehouse long ago). */
    private static void writeOrders(Connection db, List<Invoice> orders, Map<String, Long> customers,
                                    Map<String, Long> products, SalesBatch sales, ImportTally tally, Instant now)
            throws SQLException {
        if (orders.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO orders (customer_id, country, order_date, status, "
                + "total_amount, created_at, updated_at, version, external_reference) "
                + "VALUES (?, ?, ?, 'delivered', ?, ?, ?, 0, ?)")) {
            for (Invoice invoice : orders) {
                insert.setLong(1, customers.get(Keys.normal(invoice.customer())));
                insert.setString(2, invoice.country().value());
                insert.setObject(3, UtcInstantConverter.toColumn(invoice.date()));
                insert.setBigDecimal(4, invoice.items().stream().map(InvoiceBatch::lineTotal)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
                insert.setObject(5, UtcInstantConverter.toColumn(now));
                insert.setObject(6, UtcInstantConverter.toColumn(now));
                insert.setString(7, invoice.number());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, Long> ids = Keys.ids(db, "SELECT external_reference, id FROM orders WHERE external_reference IN (?)",
                orders.stream().map(Invoice::number).toList());
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO order_item (order_id, product_id, quantity, "
                + "price_at_time_of_order) VALUES (?, ?, ?, ?)")) {
            int batched = 0;
            for (Invoice invoice : orders) {
                long customer = customers.get(Keys.normal(invoice.customer()));
                String country = invoice.country().value();
                sales.order(invoice.date(), country, customer, invoice.items().stream()
                        .map(line -> products.get(Keys.normal(line.sku()))).toList());
                for (SalesLine line : invoice.items()) {
                    long product = products.get(Keys.normal(line.sku()));
                    insert.setLong(1, ids.get(Keys.normal(invoice.number())));
                    insert.setLong(2, product);
                    insert.setInt(3, line.quantity());
                    insert.setBigDecimal(4, line.unitPrice());
                    insert.addBatch();
                    sales.line(invoice.date(), country, product, line.quantity(), lineTotal(line));
                    if (++batched % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
            tally.ordersCreated = orders.size();
            tally.itemsCreated = batched;
        }
    }

    private static BigDecimal lineTotal(SalesLine line) {
        return line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
    }
}
