package com.ecommerce.analytics.imports.control;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.lifecycle.ServerStopping;
import com.ecommerce.analytics.platform.rest.WriteRetries;
import com.ecommerce.analytics.recommendations.control.RecommendationSchedule;
import com.ecommerce.analytics.platform.errors.InvalidRequest;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Imports a transaction-line file of past sales as it streams in: invoices are read one at a time and
 * written a few hundred per transaction, so a failure part-way leaves whole invoices only, and running the
 * same file again completes the rest.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderImport {

    static final int INVOICES_PER_BATCH = 500;

    private static final Logger LOG = Logger.getLogger(OrderImport.class.getName());

    @Inject
    InvoiceBatch batches;

    @Inject
    RunningImport running;

    @Inject
    WriteRetries retries;

    @Inject
    RecommendationSchedule recommendations;

    public ImportReport importOrders(InputStream body, ZoneId zone) {
        running.start();
        try {
            return read(body, zone);
        } finally {
            running.finish();
        }
    }

    private ImportReport read(InputStream body, ZoneId zone) {
        long started = System.nanoTime();
        Rejections rejections = new Rejections();
        InvoiceReader reader = new InvoiceReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8),
                1 << 16), zone, StoredTime.now(), rejections);
        ImportedProducts products = new ImportedProducts();
        ImportTally total = new ImportTally();
        List<Invoice> batch = new ArrayList<>();
        try {
            for (Invoice invoice = reader.next(); invoice != null; invoice = reader.next()) {
                batch.add(invoice);
                if (batch.size() == INVOICES_PER_BATCH) {
                    write(batch, products, total, rejections);
                    batch = new ArrayList<>();
                }
            }
        } catch (UncheckedIOException e) {
            // The invoices read completely before the fault are imported; the one it interrupted may go on after it.
            write(batch, products, total, rejections);
            throw new InvalidRequest("The file cannot be read past line " + reader.lastGoodLine() + ": "
                    + e.getCause().getMessage() + ". The " + total.ordersCreated + " orders and " + total.refundsCreated
                    + " refunds of the invoices complete before it were imported; import the corrected file again and "
                    + "what was imported is skipped.");
        }
        write(batch, products, total, rejections);
        if (total.ordersCreated + total.refundsCreated > 0) {
            recommendations.rebuildSoon();
        }
        ImportReport report = ImportReport.of(reader.rowsRead(), total, rejections);
        LOG.info(() -> "Imported " + report.rowsRead() + " rows in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                + report.ordersCreated() + " orders, " + report.refundsCreated() + " refunds, " + report.rowsRejected()
                + " rows rejected");
        return report;
    }

    private void write(List<Invoice> batch, ImportedProducts products, ImportTally total, Rejections rejections) {
        if (batch.isEmpty()) {
            return;
        }
        ServerStopping.checkNotStopping("the import (from line " + batch.get(0).firstLine() + " on)");
        // A batch that met an order's locks (a deadlock, a lock timeout) was rolled back whole: write it again, from
        // the products as they were before it, since the database has forgotten what the failed attempt wrote.
        ImportTally written = retries.call(() -> {
            ImportedProducts attempt = products.copy();
            ImportTally tally = batches.write(batch, attempt);
            products.keep(attempt);
            return tally;
        });
        total.add(written);
        rejections.addAll(written.rejections);
    }
}
