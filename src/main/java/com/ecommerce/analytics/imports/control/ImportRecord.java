package com.ecommerce.analytics.imports.control;

import java.time.Duration;
import java.time.Instant;

/**
 * An import as the merchant follows it: who brought in which file and when, how far it has got, what it created
 * and skipped, how many rows it refused (listed at its rejections), and why it failed if it did.
 */
public record ImportRecord(long id, String status, String startedBy, Instant startedAt, Instant finishedAt,
                           Double durationSeconds, String fileName, long fileSize, String timeZone, Progress progress,
                           long rowsRead, long ordersCreated, long itemsCreated, long refundsCreated, long customersCreated,
                           long productsCreated, long invoicesAlreadyImported, long rowsAlreadyImported, long rowsRejected,
                           String error) {

    public static final String RECEIVING = "receiving";
    public static final String WRITING = "writing";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    /** Its server stopped or died part-way; importing the file again completes it. */
    public static final String INTERRUPTED = "interrupted";

    /**
     * Rows read so far; invoices and credit notes found in them (known once the file is read), written so far,
     * the share done, and the time left at the pace so far (null until it can be told).
     */
    public record Progress(String phase, long rowsRead, long invoices, long invoicesWritten, Integer percentDone,
                           Long estimatedSecondsRemaining) {

        static Progress of(String status, long rowsRead, long invoices, long written, Instant writingSince, Instant now) {
            boolean writing = WRITING.equals(status) || SUCCEEDED.equals(status);
            Integer percent = !writing ? null : invoices == 0 ? 100 : (int) (100 * written / invoices);
            Long remaining = null;
            if (WRITING.equals(status) && written > 0 && writingSince != null) {
                long elapsed = Duration.between(writingSince, now).toSeconds();
                remaining = elapsed * (invoices - written) / written;
            }
            return new Progress(status, rowsRead, invoices, written, percent, remaining);
        }
    }
}
