package com.ecommerce.analytics.platform.database;

import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The moment by which the database must have answered the write the current thread is making, so that a client's
 * change is answered in bounded time even when the database stalls, as a Galera cluster does for a few seconds while
 * it goes on without a node that died. DeadlineOnConnections makes every connection acquired meanwhile give up
 * waiting at that moment; the request then answers 503 with Retry-After (ConnectionLost), and the change may or may
 * not have been saved, exactly as when a node dies under it.
 */
public final class WriteDeadline {

    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    private WriteDeadline() {
    }

    static <T> T until(long deadlineNanos, Supplier<T> write) {
        Long outer = DEADLINE_NANOS.get();
        DEADLINE_NANOS.set(outer == null ? deadlineNanos : Math.min(outer, deadlineNanos));
        try {
            return write.get();
        } finally {
            if (outer == null) {
                DEADLINE_NANOS.remove();
            } else {
                DEADLINE_NANOS.set(outer);
            }
        }
    }

    /** Milliseconds left for the current write (at least 1), or empty when the thread makes none with a deadline. */
    static OptionalInt remainingMillis() {
        Long deadline = DEADLINE_NANOS.get();
        if (deadline == null) {
            return OptionalInt.empty();
        }
        long millis = (deadline - System.nanoTime()) / 1_000_000;
        return OptionalInt.of((int) Math.max(1, Math.min(Integer.MAX_VALUE, millis)));
    }
}
