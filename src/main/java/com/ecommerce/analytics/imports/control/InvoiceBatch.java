package com.ecommerce.analytics.imports.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.ecommerce.analytics.analytics.ledger.BulkSalesLedger;
import com.ecommerce.analytics.analytics.ledger.DeferredRollups;
import com.ecommerce.analytics.analytics.ledger.SalesBatch;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.errors.Conflict;

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

    /**
     * Writes these staged invoices (or credit notes) of the run, and counts what they gave in the run's record; the
     * month and year rows they owe come back in the tally, for the import to add once this batch has committed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ImportTally write(long run, List<List<StagedFile.StagedLine>> staged, Map<String, Long> productIds,
                             DeferredRollups owed) {
        SalesBatch sales = ledger.begin();
        ImportTally tally = new ImportTally();
        Instant now = StoredTime.now();
        try (Connection db = dataSource.getConnection()) {
            ImportTables tables = new ImportTables(db);
            List<Invoice> invoices = StagedInvoices.of(staged.stream().flatMap(List::stream)
                    .map(StagedFile.StagedLine::line).toList(), tally);
            List<Invoice> fresh = notImported(tables, invoices, tally);
            List<Invoice> orders = fresh.stream().filter(invoice -> !invoice.isCredit()).toList();
            List<Invoice> credits = fresh.stream().filter(Invoice::isCredit).toList();

            Map<String, Long> customers = tables.customerIds(fresh.stream().map(Invoice::customer).toList());
            tally.customersCreated = ImportedCustomers.createMissing(tables, orders, customers, now);
            writeOrders(tables, orders, customers, productIds, sales, tally, now);
            tally.refundsCreated = CreditNotes.refund(tables, credits, customers, productIds, sales, tally, now);
            tally.owed = ledger.count(sales, owed);
            ImportRejections.insert(db, run, rejectedRows(staged, tally.rejections));
            ImportRuns.count(db, run, staged.size(), tally);
            return tally;
        } catch (SQLException e) {
            if (isDuplicateReference(e)) {
                throw new Conflict("Another import wrote some of these invoices at the same time; import the file again "
                        + "to complete it (what was imported is skipped).");
            }
            throw new IllegalStateException("Cannot write the invoices from " + staged.get(0).get(0).line().invoice()
                    + " on", e);
        }
    }

    /** The rejected lines as they were in the file. */
    private static List<RejectedRow> rejectedRows(List<List<StagedFile.StagedLine>> staged, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return List.of();
        }
        Map<Long, String> raw = new HashMap<>();
        staged.forEach(invoice -> invoice.forEach(line -> raw.put(line.line().line(), line.raw())));
        return rejections.stream().map(rejection -> new RejectedRow(rejection.line(), rejection.reason(),
                raw.get(rejection.line()))).toList();
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

    private static List<Invoice> notImported(ImportTables tables, List<Invoice> invoices, ImportTally tally)
            throws SQLException {
        Set<String> imported = tables.orderIds(invoices.stream().filter(invoice -> !invoice.isCredit())
                .map(Invoice::number).toList()).keySet();
        Set<String> refunded = tables.creditNoteIds(invoices.stream().filter(Invoice::isCredit).map(Invoice::number)
                .toList()).keySet();
        List<Invoice> fresh = new ArrayList<>();
        for (Invoice invoice : invoices) {
            if (imported.contains(invoice.number()) || refunded.contains(invoice.number())) {
                tally.invoicesAlreadyImported++;
                tally.rowsAlreadyImported += invoice.lines().size();
            } else {
                fresh.add(invoice);
            }
        }
        return fresh;
    }

    /** Historical orders: delivered, and their stock is not taken (it left the warehouse long ago). */
    private static void writeOrders(ImportTables tables, List<Invoice> orders, Map<String, Long> customers,
                                    Map<String, Long> products, SalesBatch sales, ImportTally tally, Instant now)
            throws SQLException {
        if (orders.isEmpty()) {
            return;
        }
        Map<Invoice, List<SalesLine>> itemsOf = new LinkedHashMap<>();
        orders.forEach(invoice -> itemsOf.put(invoice, invoice.items()));
        Map<String, Long> ids = tables.insertOrders(orders.stream().map(invoice -> new ImportTables.NewOrder(
                invoice.number(), customers.get(invoice.customer()), invoice.country().value(), invoice.date(),
                itemsOf.get(invoice).stream().map(InvoiceBatch::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add)))
                .toList(), now);
        List<ImportTables.NewItem> items = new ArrayList<>();
        itemsOf.forEach((invoice, lines) -> {
            String country = invoice.country().value();
            List<Long> bought = lines.stream().map(line -> products.get(ImportTables.normal(line.sku()))).toList();
            sales.order(invoice.date(), country, customers.get(invoice.customer()), bought);
            for (int i = 0; i < bought.size(); i++) {
                SalesLine line = lines.get(i);
                items.add(new ImportTables.NewItem(ids.get(invoice.number()), bought.get(i), line.quantity(),
                        line.unitPrice()));
                sales.line(invoice.date(), country, bought.get(i), line.quantity(), lineTotal(line));
            }
        });
        tables.insertItems(items, now);
        tally.ordersCreated = orders.size();
        tally.itemsCreated = items.size();
    }

    private static BigDecimal lineTotal(SalesLine line) {
        return line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
    }
}
