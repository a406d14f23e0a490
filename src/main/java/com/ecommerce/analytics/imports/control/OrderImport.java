package com.ecommerce.analytics.imports.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.commons.io.input.BoundedInputStream;

import com.ecommerce.analytics.analytics.ledger.BulkSalesLedger;
import com.ecommerce.analytics.analytics.ledger.DeferredRollups;
import com.ecommerce.analytics.analytics.repair.AggregateRepair;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.errors.ApiException;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.lifecycle.ServerStopping;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.recommendations.control.RecommendationSchedule;
import com.ecommerce.analytics.stockplanning.control.DemandForecastSchedule;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Imports a transaction-line file of past sales in three steps, each committed a slice at a time: the rows are
 * staged as they stream in (the file is never held), the products the file sells are created, then its
 * invoices are written 500 per transaction in date order, and its credit notes after every invoice they could
 * refund. So the rows may come in any order, a failure part-way leaves whole invoices only, and the same file
 * imported again (or the rest of an interrupted run) creates only what is missing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderImport {

    static final int INVOICES_PER_BATCH = 500;
    /** Rows read between two updates of the import's record (and of its rejections). */
    private static final int ROWS_PER_PROGRESS = 5_000;
    private static final long LEASE_RENEWAL_NANOS = 30_000_000_000L;

    private static final Logger LOG = Logger.getLogger(OrderImport.class.getName());

    /** Who imports which file, read in which time zone. */
    public record Upload(String user, String fileName, ZoneId zone) {
    }

    @Inject
    ImportRuns runs;

    @Inject
    ImportStaging staging;

    @Inject
    ImportRejections rejections;

    @Inject
    InvoiceBatch batches;

    @Inject
    WriteRetries retries;

    @Inject
    RecommendationSchedule recommendations;

    @Inject
    DemandForecastSchedule demandForecast;

    @Inject
    BulkSalesLedger ledger;

    @Inject
    AggregateRepair repair;

    @Resource
    SessionContext context;

    /** Imports the file as it streams in and answers when it is done. */
    public ImportReport importOrders(InputStream body, Upload upload) {
        long run = runs.begin(upload.user(), upload.fileName(), upload.zone());
        run(run, body, upload.zone());
        return report(run);
    }

    /** Claims the import, keeps the file on disk and imports it in the background; answers the import's id. */
    public long startImport(InputStream body, Upload upload) {
        long run = runs.begin(upload.user(), upload.fileName(), upload.zone());
        Path file = null;
        try {
            file = Files.createTempFile("import-" + run + "-", ".csv");
            keep(body, file, run);
        } catch (IOException | RuntimeException e) {
            runs.finish(run, ImportRecord.FAILED, "The upload did not arrive whole: " + e.getMessage());
            delete(file);
            throw e instanceof IOException ? new InvalidRequest("The upload broke off before the whole file arrived; "
                    + "nothing was imported. Send the file again.") : (RuntimeException) e;
        }
        context.getBusinessObject(OrderImport.class).runInBackground(run, file, upload.zone());
        return run;
    }

    /** Copies the upload to the file, renewing the import's lease while a slow client sends it. */
    private void keep(InputStream body, Path file, long run) throws IOException {
        long renewed = System.nanoTime();
        try (body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                out.write(buffer, 0, read);
                if (System.nanoTime() - renewed > LEASE_RENEWAL_NANOS) {
                    keepLease(run, "receiving the file");
                    renewed = System.nanoTime();
                }
            }
        }
    }

    @Asynchronous
    public void runInBackground(long run, Path file, ZoneId zone) {
        try (InputStream body = Files.newInputStream(file)) {
            run(run, body, zone);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Import " + run + " cannot read its staged upload", e);
            runs.finish(run, ImportRecord.FAILED, "The server cannot read the file it kept: " + e.getMessage());
        } catch (RuntimeException e) {
            // run() has recorded the outcome; the background has no one else to tell.
            LOG.log(Level.FINE, "Import " + run + " ended early", e);
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warning(() -> "Cannot delete the staged upload " + file + ": " + e.getMessage());
        }
    }

    private void run(long run, InputStream body, ZoneId zone) {
        long started = System.nanoTime();
        try (StagedFile staged = new StagedFile(run)) {
            BoundedInputStream counted = counting(body);
            stage(run, counted, zone, staged);
            long read = System.nanoTime();
            Iterator<List<StagedFile.StagedLine>> invoices = staged.invoices();
            runs.writing(run, staged.invoiceCount(), counted.getCount());
            Map<String, Long> products = products(run, staged.skus());
            InvoiceWriter writer = new InvoiceWriter(run, products);
            writer.writeAll(invoices);
            long done = System.nanoTime();
            runs.finish(run, ImportRecord.SUCCEEDED, null);
            if (writer.created) {
                recommendations.rebuildSoon();
                demandForecast.rebuildSoon();
            }
            LOG.info(() -> String.format("Import %d done in %,d ms: rows read and sorted in %,d ms, invoices sorted and "
                    + "products found in %,d ms, invoices written in %,d ms, credit notes in %,d ms", run,
                    millis(started, done), millis(started, read), millis(read, writer.started),
                    millis(writer.started, writer.creditsStarted), millis(writer.creditsStarted, done)));
        } catch (ApiException e) {
            runs.finish(run, e.status().getStatusCode() == 503 ? ImportRecord.INTERRUPTED : ImportRecord.FAILED,
                    e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import " + run + " failed", e);
            runs.finish(run, ImportRecord.FAILED, "An unexpected error stopped the import (the server's log names it "
                    + "with import " + run + "); the invoices written before it stay, and importing the file again "
                    + "completes it.");
            throw e;
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private void stage(long run, InputStream body, ZoneId zone, StagedFile staged) {
        SalesFileReader reader = new SalesFileReader(body, zone, StoredTime.now());
        runs.header(run, reader.header());
        List<RejectedRow> rejected = new ArrayList<>();
        long[] counted = {0};
        reader.readAll(new SalesFileReader.Rows() {
            @Override
            public void sale(SalesLine line, String raw) {
                staged.add(line, raw);
                report();
            }

            @Override
            public void rejected(long line, String reason, String raw) {
                rejected.add(new RejectedRow(line, reason, raw));
                report();
            }

            private void report() {
                if (reader.rowsRead() - counted[0] >= ROWS_PER_PROGRESS) {
                    keepLease(run, "reading the file");
                    staging.read(run, List.copyOf(rejected), reader.rowsRead() - counted[0]);
                    counted[0] = reader.rowsRead();
                    rejected.clear();
                }
            }
        });
        keepLease(run, "reading the file");
        staging.read(run, List.copyOf(rejected), reader.rowsRead() - counted[0]);
    }

    private Map<String, Long> products(long run, List<StagedFile.SkuSales> skus) {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < skus.size(); from += ImportStaging.SKUS_PER_TRANSACTION) {
            keepLease(run, "creating its products");
            ids.putAll(staging.products(run, skus.subList(from, Math.min(skus.size(), from
                    + ImportStaging.SKUS_PER_TRANSACTION))).ids());
        }
        return ids;
    }

    /**
     * Writes the invoices, then the credit notes, in batches, and the month and year rows they owe every few
     * thousand invoices and at the end, also when a batch failed (what committed is then complete).
     */
    private final class InvoiceWriter {
        private final long run;
        private final Map<String, Long> products;
        private final DeferredRollups owed;
        private final long started = System.nanoTime();
        private long creditsStarted;
        private boolean created;

        InvoiceWriter(long run, Map<String, Long> products) {
            this.run = run;
            this.products = products;
            this.owed = new DeferredRollups(run);
        }

        void writeAll(Iterator<List<StagedFile.StagedLine>> invoices) {
            repair.repairAbandonedRollups(run);
            try {
                List<List<StagedFile.StagedLine>> batch = new ArrayList<>();
                while (invoices.hasNext()) {
                    List<StagedFile.StagedLine> invoice = invoices.next();
                    boolean credit = StagedFile.isCredit(invoice);
                    if (!batch.isEmpty() && (batch.size() == INVOICES_PER_BATCH
                            || credit != StagedFile.isCredit(batch.get(0)))) {
                        write(batch);
                        batch = new ArrayList<>();
                    }
                    if (credit && creditsStarted == 0) {
                        creditsStarted = System.nanoTime();
                    }
                    batch.add(invoice);
                }
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (RuntimeException e) {
                try {
                    flush();
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
            flush();
            if (creditsStarted == 0) {
                creditsStarted = System.nanoTime();
            }
        }

        private void write(List<List<StagedFile.StagedLine>> batch) {
            keepLease(run, "writing its invoices");
            // A batch that met an order's locks (a deadlock, a lock timeout) was rolled back whole: write it again.
            ImportTally written = retries.callInBackground(() -> batches.write(run, batch, products, owed));
            owed.add(written.owed);
            created |= written.ordersCreated + written.refundsCreated > 0;
            if (owed.due()) {
                flush();
            }
        }

        /**
         * A failed flush leaves the periods marked: readers read them from their days until the next import repairs
         * them. Tried again (after a batch or a flush failed), it adds only the parts not yet committed.
         */
        private void flush() {
            if (owed.isEmpty()) {
                return;
            }
            owed.addEachPart(part -> retries.runInBackground(() -> ledger.addOwed(part)));
            retries.runInBackground(() -> ledger.clearOwed(run));
            owed.flushed();
        }
    }

    private void keepLease(long run, String step) {
        ServerStopping.checkNotStopping("import " + run + " (" + step + ")");
        if (!runs.renew(run)) {
            throw new IllegalStateException("Import " + run + " lost its lease while " + step + "; another import took "
                    + "over after it had not been heard of for " + ImportRuns.LEASE.toMinutes() + " minutes");
        }
    }

    /** The body, counting its bytes as they are read (no bound is set). */
    private static BoundedInputStream counting(InputStream body) {
        try {
            return BoundedInputStream.builder().setInputStream(body).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportReport report(long run) {
        return ImportReport.of(runs.find(run), rejections.of(run, new PageRequest(0, 100)).items());
    }
}
