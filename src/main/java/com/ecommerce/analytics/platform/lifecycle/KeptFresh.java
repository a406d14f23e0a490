package com.ecommerce.analytics.platform.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A value worked out from the whole store (seconds on a large one) and reused while fresh. Once stale, the next reader
 * starts one recomputation in the background and is answered with the value it will replace (stale while
 * revalidating, RFC 5861), so that only the very first reader waits for it. A value is never served when older than
 * twice its freshness (after an idle spell, or while background refreshes fail): the reader then waits for a new one.
 * So every instance of the service answers from a value at most two freshness periods old, whatever another instance
 * changed meanwhile.
 */
public final class KeptFresh<T> {

    private static final Logger LOG = Logger.getLogger(KeptFresh.class.getName());

    /** The value and when its computation started (to the second, as the store keeps times): it shows at least that. */
    public record Stamped<T>(T value, Instant asOf, long nanos) {
    }

    private final Supplier<T> computation;
    private final long freshNanos;
    private final long servedNanos;
    private final Executor background;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Stamped<T> last;

    public KeptFresh(Supplier<T> computation, Duration freshFor, Executor background) {
        this.computation = computation;
        this.freshNanos = freshFor.toNanos();
        this.servedNanos = freshFor.multipliedBy(2).toNanos();
        this.background = background;
    }

    public Stamped<T> get() {
        Stamped<T> current = last;
        if (current == null || ageOf(current) > servedNanos) {
            synchronized (this) {
                if (last == null || ageOf(last) > servedNanos) {
                    last = computed();
                }
                return last;
            }
        }
        if (ageOf(current) > freshNanos && refreshing.compareAndSet(false, true)) {
            try {
                background.execute(this::refresh);
            } catch (RejectedExecutionException e) {
                refreshing.set(false);
            }
        }
        return current;
    }

    private static long ageOf(Stamped<?> value) {
        return System.nanoTime() - value.nanos();
    }

    private void refresh() {
        try {
            last = computed();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot refresh; the previous value stays in use", e);
        } finally {
            refreshing.set(false);
        }
    }

    private Stamped<T> computed() {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long nanos = System.nanoTime();
        return new Stamped<>(computation.get(), asOf, nanos);
    }
}
