package com.ecommerce.analytics.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.StoreBusy;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;

class WriteRetriesTest {

    private final List<Duration> pauses = new ArrayList<>();
    /** How far the tests have moved the clock past the real one, which the connections' deadline reads. */
    private final AtomicLong nanosSkipped = new AtomicLong();
    private final WriteRetries retries = new WriteRetries(pauses::add, () -> System.nanoTime() + nanosSkipped.get());
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aWriteThatMeetsTwoDeadlocksIsRedoneAndItsAnswerReturned() {
        String answer = retries.call(() -> {
            if (attempts.incrementAndGet() <= 2) {
                throw deadlock();
            }
            return "placed";
        });
        assertEquals("placed", answer);
        assertEquals(3, attempts.get());
        assertEquals(2, pauses.size());
    }

    /**
     * A Galera cluster's certification failure arrives at COMMIT, as Open Liberty reports a failed one-phase commit:
     * the driver's deadlock inside a ResourceException, an XAException, a HeuristicMixedException and the EJB
     * container's EJBTransactionRolledbackException. The transaction was rolled back, so it is redone.
     */
    @Test
    void aWriteWhoseCommitFailsCertificationIsRedone() {
        String answer = retries.call(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw failedCommit(new SQLTransactionRollbackException(
                        "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
            }
            return "created";
        });
        assertEquals("created", answer);
        assertEquals(2, attempts.get());
        assertEquals(1, pauses.size());
    }

    /** A connection lost at COMMIT leaves unknown whether the write committed: it is not redone. */
    @Test
    void aWriteWhoseConnectionIsLostAtCommitIsNotRedone() {
        RuntimeException lost = failedCommit(new SQLNonTransientConnectionException("Communications link failure",
                "08S01", 0));
        assertSame(lost, assertThrows(EJBTransactionRolledbackException.class, () -> retries.run(() -> {
            attempts.incrementAndGet();
            throw lost;
        })));
        assertEquals(1, attempts.get());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void aWriteThatKeepsMeetingLocksIsTriedFourTimesThenReportedAsBusy() {
        RuntimeException last = deadlock();
        StoreBusy busy = assertThrows(StoreBusy.class, () -> retries.run(() -> {
            attempts.incrementAndGet();
            throw last;
        }));
        assertEquals(4, attempts.get());
        assertEquals(503, busy.status().getStatusCode());
        assertSame(last, busy.getCause());
    }

    @Test
    void pausesAreRandomAndGrowFromTwentyToEightyMillisecondsUp() {
        assertThrows(StoreBusy.class, () -> retries.run(() -> {
            throw deadlock();
        }));
        assertEquals(3, pauses.size());
        for (int retry = 0; retry < pauses.size(); retry++) {
            long least = 20L << retry;
            long pause = pauses.get(retry).toMillis();
            assertTrue(pause >= least && pause <= least * 4, "pause " + retry + ": " + pause + " ms");
        }
    }

    @Test
    void otherFailuresPassThroughAtOnceAndUnchanged() {
        Conflict refusal = new Conflict("Not enough stock.");
        Conflict thrown = assertThrows(Conflict.class, () -> retries.run(() -> {
            attempts.incrementAndGet();
            throw refusal;
        }));
        assertSame(refusal, thrown);
        EJBException broken = new EJBException(new PersistenceException(new SQLException("syntax", "42000", 1064)));
        assertSame(broken, assertThrows(EJBException.class, () -> retries.run(() -> {
            attempts.incrementAndGet();
            throw broken;
        })));
        assertEquals(2, attempts.get());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void anInterruptedPauseStopsRetryingAndKeepsTheInterrupt() {
        WriteRetries interrupted = new WriteRetries(duration -> {
            throw new InterruptedException();
        }, System::nanoTime);
        assertThrows(StoreBusy.class, () -> interrupted.run(() -> {
            attempts.incrementAndGet();
            throw deadlock();
        }));
        assertEquals(1, attempts.get());
        assertTrue(Thread.currentThread().isInterrupted());
    }

    /** A database that stalls each attempt for 1.5 s leaves no time for a third within the client's 4 s. */
    @Test
    void aClientsWriteIsNotRedoneOnceTheTimeLeftCannotHoldAnotherAttempt() {
        StoreBusy busy = assertThrows(StoreBusy.class, () -> retries.run(() -> {
            attempts.incrementAndGet();
            nanosSkipped.addAndGet(Duration.ofMillis(1_500).toNanos());
            throw deadlock();
        }));
        assertEquals(503, busy.status().getStatusCode());
        assertEquals(3, attempts.get(), "at 1.5 s and 3.0 s there was time for another; at 4.5 s none");
    }

    @Test
    void aClientsWriteSeesItsDeadlineAndABackgroundWriteHasNone() {
        assertTrue(WriteDeadline.remainingMillis().isEmpty());
        assertEquals(WriteRetries.ANSWER_WITHIN.toMillis(), retries.call(() -> (long) WriteDeadline.remainingMillis()
                .orElseThrow()), 1_000, "the time left, on the real clock the connections use");
        assertTrue(retries.callInBackground(() -> WriteDeadline.remainingMillis().isEmpty()));
        assertTrue(WriteDeadline.remainingMillis().isEmpty(), "gone after the write");
    }

    @Test
    void aBackgroundWriteIsRedoneFourTimesHoweverLongItTakes() {
        assertThrows(StoreBusy.class, () -> retries.runInBackground(() -> {
            attempts.incrementAndGet();
            nanosSkipped.addAndGet(Duration.ofMinutes(1).toNanos());
            throw deadlock();
        }));
        assertEquals(4, attempts.get());
    }

    private static RuntimeException failedCommit(SQLException driver) {
        XAException hazard = new XAException(XAException.XA_HEURHAZ);
        hazard.initCause(new ResourceException(driver));
        HeuristicMixedException mixed = new HeuristicMixedException("one-phase commit failed");
        mixed.initCause(hazard);
        return new EJBTransactionRolledbackException("the transaction was rolled back at commit", mixed);
    }

    private static RuntimeException deadlock() {
        return new EJBException(new PersistenceException(
                new SQLException("Deadlock found when trying to get lock", "40001", 1213)));
    }
}
