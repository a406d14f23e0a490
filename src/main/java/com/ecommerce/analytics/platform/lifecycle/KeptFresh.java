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
 * revalidating, RFC 5861), so that only the very first reader waits for it.
 */
public final class KeptFresh<T> {

    private static final Logger LOG = Logger.getLogger(KeptFresh.class.getName());

    /** The value and when its computation started (to the second, as the store keeps times): it shows at least that. */
    public record Stamped<T>(T value, Instant asOf, long nanos) {
    }

    private final Supplier<T> computation;
    private final Duration freshFor;
    private final Executor background;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Stamped<T> last;

    public KeptFresh(Supplier<T> computation, Duration freshFor, Executor background) {
        this.computation = computation;
        this.freshFor = freshFor;
        this.background = background;
    }

    public Stamped<T> get() {
        Stamped<T> current = last;
        if (current == null) {
            synchronized (this) {
                if (last == null) {
                    last = computed();
                }
                return last;
            }
        }
        if (System.nanoTime() - current.nanos() > freshFor.toNanos() && refreshing.compareAndSet(false, true)) {
            try {
                background.execute(this::refresh);
            } catch (RejectedExecutionException e) {
                refreshing.set(false);
            }
        }
        return current;
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
