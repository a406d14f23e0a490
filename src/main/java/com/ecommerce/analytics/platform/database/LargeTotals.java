package com.ecommerce.analytics.platform.database;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The totals of long lists, counted again at most every few seconds: counting a million orders reads a million index
 * entries, far more than the page of 50 beside it. A total of at least {@link #LEAST} rows is reused while younger than
 * {@link #FRESH_SECONDS} s, and while one request counts it again the others are answered with the one before; a
 * smaller total is counted every time, so that a customer's orders, or a short list a client has just changed, are
 * exact. Each instance counts for itself.
 */
final class LargeTotals {

    static final long LEAST = 1_000;
    static final long FRESH_SECONDS = 5;
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(FRESH_SECONDS);
    private static final int MOST_KEPT = 1_000;

    private static final class Counted {
        final AtomicBoolean counting = new AtomicBoolean();
        volatile long total;
        volatile long at;

        Counted(long total, long at) {
            this.total = total;
            this.at = at;
        }
    }

    private static final Map<String, Counted> KEPT = new ConcurrentHashMap<>();

    private LargeTotals() {
    }

    /** @param list names the list and its filter's values */
    static long of(String list, LongSupplier count) {
        Counted known = KEPT.get(list);
        if (known == null) {
            long total = count.getAsLong();
            if (total >= LEAST) {
                if (KEPT.size() >= MOST_KEPT) {
                    KEPT.clear();
                }
                KEPT.put(list, new Counted(total, System.nanoTime()));
            }
            return total;
        }
        if (System.nanoTime() - known.at < FRESH_NANOS || !known.counting.compareAndSet(false, true)) {
            return known.total;
        }
        try {
            long started = System.nanoTime();
            known.total = count.getAsLong();
            known.at = started;
            if (known.total < LEAST) {
                KEPT.remove(list);
            }
            return known.total;
        } finally {
            known.counting.set(false);
        }
    }
}
