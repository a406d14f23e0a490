package com.ecommerce.analytics.platform.database;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.ecommerce.analytics.platform.errors.StoreBusy;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a boundary's write again when the database chose it as a deadlock victim or its lock wait timed out.
 * It must wrap the control's call from outside the transaction: the database has rolled that transaction
 * back, so only redoing it whole is correct; a merge patch's read goes inside too, so that a redone patch
 * applies to the state as it is then. The pauses are random and grow (20-80 ms, then 40-160, then 80-320)
 * so that the transactions that collided do not collide again in step. Other failures pass through.
 * <p>
 * A client's change gets {@link #ANSWER_WITHIN} for all its attempts together (WriteDeadline): past it, the database
 * is given up on and the client answered 503 with Retry-After, so that no change waits out a database that stalls.
 * A background job's write may take as long as it needs ({@link #callInBackground}).
 */
@ApplicationScoped
public class WriteRetries {

    /** The OpenAPI description of the 503 that every retried write may answer. */
    public static final String BUSY = "The store stayed busy (deadlocks or lock timeouts); nothing was saved; "
            + "send the request again after Retry-After seconds";

    static final int ATTEMPTS = 4;
    static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    /** Well inside the 5 s a client of the store waits at most, with room for the request's other work. */
    public static final Duration ANSWER_WITHIN = Duration.ofSeconds(4);

    private static final Logger LOG = Logger.getLogger(WriteRetries.class.getName());

    private final Pause pause;
    private final LongSupplier nanoClock;

    public WriteRetries() {
        this(duration -> Thread.sleep(duration.toMillis()), System::nanoTime);
    }

    WriteRetries(Pause pause, LongSupplier nanoClock) {
        this.pause = pause;
        this.nanoClock = nanoClock;
    }

    /** A client's change, answered within {@link #ANSWER_WITHIN}. */
    public <T> T call(Supplier<T> write) {
        long deadline = nanoClock.getAsLong() + ANSWER_WITHIN.toNanos();
        return redo(() -> WriteDeadline.until(deadline, write),
                pauseFirst -> deadline - nanoClock.getAsLong() > pauseFirst.toNanos() * 2);
    }

    public void run(Runnable write) {
        call(asSupplier(write));
    }

    /** A background job's write, with no time limit. */
    public <T> T callInBackground(Supplier<T> write) {
        return redo(write, pauseFirst -> true);
    }

    public void runInBackground(Runnable write) {
        callInBackground(asSupplier(write));
    }

    /** timeForAnother: whether the time left allows a pause of the given length and one more attempt. */
    private <T> T redo(Supplier<T> write, Predicate<Duration> timeForAnother) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException failure) {
                if (!LockConflict.inCausesOf(failure)) {
                    throw failure;
                }
                Duration pauseFirst = pauseBefore(attempt + 1);
                if (attempt == ATTEMPTS || !timeForAnother.test(pauseFirst)) {
                    LOG.log(Level.WARNING, "A write met a lock conflict {0} times; answering 503: {1}",
                            new Object[] {attempt, failure.toString()});
                    throw new StoreBusy(failure);
                }
                waitFor(pauseFirst, failure);
            }
        }
    }

    private static Supplier<Void> asSupplier(Runnable write) {
        return () -> {
            write.run();
            return null;
        };
    }

    static Duration pauseBefore(int attempt) {
        long least = FIRST_PAUSE.toMillis() << (attempt - 2);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(least, least * 4 + 1));
    }

    private void waitFor(Duration pauseFirst, RuntimeException failure) {
        try {
            pause.sleep(pauseFirst);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreBusy(failure);
        }
    }

    /** Waits between attempts; tests replace it so that they need not sleep. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }
}
