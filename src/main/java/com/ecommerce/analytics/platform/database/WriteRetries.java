package com.ecommerce.analytics.platform.database;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
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
 */
@ApplicationScoped
public class WriteRetries {

    /** The OpenAPI description of the 503 that every retried write may answer. */
    public static final String BUSY = "The store stayed busy (deadlocks or lock timeouts); nothing was saved; "
            + "send the request again after Retry-After seconds";

    static final int ATTEMPTS = 4;
    static final Duration FIRST_PAUSE = Duration.ofMillis(20);

    private static final Logger LOG = Logger.getLogger(WriteRetries.class.getName());

    private final Pause pause;

    public WriteRetries() {
        this(duration -> Thread.sleep(duration.toMillis()));
    }

    WriteRetries(Pause pause) {
        this.pause = pause;
    }

    public <T> T call(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException failure) {
                if (!LockConflict.inCausesOf(failure)) {
                    throw failure;
                }
                if (attempt == ATTEMPTS) {
                    LOG.log(Level.WARNING, "A write met a lock conflict {0} times; answering 503: {1}",
                            new Object[] {ATTEMPTS, failure.toString()});
                    throw new StoreBusy(failure);
                }
                waitBefore(attempt + 1, failure);
            }
        }
    }

    public void run(Runnable write) {
        call(() -> {
            write.run();
            return null;
        });
    }

    static Duration pauseBefore(int attempt) {
        long least = FIRST_PAUSE.toMillis() << (attempt - 2);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(least, least * 4 + 1));
    }

    private void waitBefore(int attempt, RuntimeException failure) {
        try {
            pause.sleep(pauseBefore(attempt));
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
