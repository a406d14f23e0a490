package com.ecommerce.analytics.analytics.control;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Permits for reads that run on another thread, and so on another pooled connection, while their request reads
 * something else (CustomerActivity, ProductSalesReader). A few across all requests, well below the pool's 30:
 * requests waiting for their second read must never hold every connection while those reads wait for one. A
 * read without a permit runs in its request, one after the other.
 */
final class ReadsAside {

    private static final Semaphore PERMITS = new Semaphore(4);

    private ReadsAside() {
    }

    /** True when the caller may start a read aside; it must then call finished() when that read ends. */
    static boolean tryStart() {
        return PERMITS.tryAcquire();
    }

    static void finished() {
        PERMITS.release();
    }

    /** What a read aside answered, once it has. */
    static <T> T await(Future<T> read, String what) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read " + what, e.getCause());
        }
    }
}
