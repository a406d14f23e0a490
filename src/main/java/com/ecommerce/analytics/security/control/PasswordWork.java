package com.ecommerce.analytics.security.control;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.ecommerce.analytics.platform.errors.ServerBusy;

/**
 * Password hashing (600,000 PBKDF2 rounds, a few hundred milliseconds of a core) at most on half the cores at
 * once: a storm of logins waits here for its turn, and every other request keeps the rest of the machine.
 */
final class PasswordWork {

    static final PasswordHasher HASHER = new PasswordHasher();
    private static final Semaphore CORES = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);
    private static final long LONGEST_WAIT_SECONDS = 10;

    private PasswordWork() {
    }

    static String hash(String password) {
        return run(() -> HASHER.hash(password));
    }

    static boolean matches(String password, String encoded) {
        return run(() -> HASHER.matches(password, encoded));
    }

    private static <T> T run(Supplier<T> work) {
        try {
            if (!CORES.tryAcquire(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ServerBusy("Too many logins at once; try again in a few seconds.", 5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerBusy("The server is stopping; try again in a moment.", 5);
        }
        try {
            return work.get();
        } finally {
            CORES.release();
        }
    }
}
