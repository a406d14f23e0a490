package com.ecommerce.analytics.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

import javax.transaction.xa.XAException;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;

class LockConflictTest {

    @Test
    void aMariaDbDeadlockInsideEclipseLinkAndTheContainerIsALockConflict() {
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
        assertTrue(LockConflict.inCausesOf(asTheContainerThrowsIt(deadlock)));
    }

    @Test
    void aMariaDbLockWaitTimeoutIsALockConflictWhateverItsSqlState() {
        SQLException timeout = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        assertTrue(LockConflict.inCausesOf(asTheContainerThrowsIt(timeout)));
    }

    @Test
    void aSerializationFailureIsALockConflictByItsSqlStateAlone() {
        assertTrue(LockConflict.inCausesOf(new SQLException("could not serialize access", "40001", 0)));
    }

    @Test
    void h2DeadlocksLockTimeoutsAndConcurrentUpdatesAreLockConflicts() {
        for (int code : new int[] {ErrorCode.DEADLOCK_1, ErrorCode.LOCK_TIMEOUT_1, ErrorCode.CONCURRENT_UPDATE_1}) {
            SQLException h2 = DbException.get(code, "ORDERS").getSQLException();
            assertTrue(LockConflict.inCausesOf(asTheContainerThrowsIt(h2)), "H2 error " + code);
        }
    }

    @Test
    void theDriversTransactionRollbackExceptionIsALockConflict() {
        assertTrue(LockConflict.inCausesOf(new EJBException(new SQLTransactionRollbackException("rolled back"))));
    }

    @Test
    void jpaPessimisticLockAndLockTimeoutExceptionsAreLockConflicts() {
        assertTrue(LockConflict.inCausesOf(new EJBException(new PessimisticLockException("row locked"))));
        assertTrue(LockConflict.inCausesOf(new LockTimeoutException("timed out")));
    }

    @Test
    void eclipseLinksInternalExceptionIsSearchedEvenWhenItIsNotTheCause() {
        DatabaseException database = new DatabaseException("Internal Exception") {
        };
        database.initCause(new IllegalStateException("what EclipseLink was doing"));
        database.setInternalException(new SQLException("Deadlock", "40001", 1213));
        assertTrue(LockConflict.inCausesOf(new EJBException(new PersistenceException(database))));
    }

    @Test
    void aDeadlockReportedAsTheNextExceptionOfABatchIsALockConflict() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "HY000", 0, new int[0]);
        batch.setNextException(new SQLException("Deadlock", "40001", 1213));
        assertTrue(LockConflict.inCausesOf(asTheContainerThrowsIt(batch)));
    }

    @Test
    void aFailureAtCommitKeepsItsDeadlockAsTheCauseOfTheRollback() {
        RollbackException rollback = new RollbackException("rolled back at commit");
        rollback.initCause(DatabaseException.sqlException(new SQLException("Deadlock", "40001", 1213)));
        assertTrue(LockConflict.inCausesOf(new EJBException(rollback)));
    }

    /** A Galera cluster refuses a write set that fails certification at COMMIT, as a deadlock. */
    @Test
    void aDeadlockAtTheOnePhaseCommitOfANonXaConnectionIsALockConflict() {
        SQLException certification = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        assertTrue(LockConflict.inCausesOf(asTheContainerReportsAFailedCommit(new ResourceException(certification))));
    }

    @Test
    void aDriverFailureKeptOnlyAsTheLinkedExceptionOfAResourceExceptionIsFound() {
        ResourceException adapter = new ResourceException("commit failed");
        adapter.setLinkedException(new SQLException("Deadlock found when trying to get lock", "40001", 1213));
        assertTrue(LockConflict.inCausesOf(asTheContainerReportsAFailedCommit(adapter)));
    }

    /** Whether the transaction committed is unknown when the connection is lost at COMMIT: it must not be redone. */
    @Test
    void aConnectionLostAtCommitIsNotALockConflict() {
        for (SQLException lost : new SQLException[] {
                new SQLNonTransientConnectionException("Communications link failure", "08S01", 0),
                new SQLNonTransientConnectionException("(conn=42) Connection reset", "08000", 0)}) {
            assertFalse(LockConflict.inCausesOf(asTheContainerReportsAFailedCommit(new ResourceException(lost))),
                    lost.getSQLState());
            ResourceException linked = new ResourceException("commit failed");
            linked.setLinkedException(lost);
            assertFalse(LockConflict.inCausesOf(asTheContainerReportsAFailedCommit(linked)), lost.getSQLState());
        }
    }

    @Test
    void duplicatesTimeoutsOfStatementsAndOptimisticLocksAreNotLockConflicts() {
        SQLException duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);
        assertFalse(LockConflict.inCausesOf(asTheContainerThrowsIt(duplicate)));
        assertFalse(LockConflict.inCausesOf(asTheContainerThrowsIt(
                DbException.get(ErrorCode.DUPLICATE_KEY_1, "SKU").getSQLException())));
        assertFalse(LockConflict.inCausesOf(new SQLTimeoutException("statement cancelled", "HY008", 0)));
        assertFalse(LockConflict.inCausesOf(new EJBException(new OptimisticLockException("changed meanwhile"))));
        assertFalse(LockConflict.inCausesOf(new IllegalStateException("no cause")));
    }

    @Test
    void aChainThatRefersToItselfEnds() {
        SQLException first = new SQLException("first", "HY000", 1);
        SQLException second = new SQLException("second", "HY000", 2);
        first.setNextException(second);
        second.initCause(first);
        assertFalse(LockConflict.inCausesOf(first));
    }

    /**
     * How Open Liberty reports a one-phase commit of a non-XA connection that failed: the resource adapter's
     * ResourceException inside the XAException of a heuristic hazard, inside a HeuristicMixedException, inside the
     * EJB container's EJBTransactionRolledbackException.
     */
    private static RuntimeException asTheContainerReportsAFailedCommit(ResourceException adapter) {
        XAException hazard = new XAException(XAException.XA_HEURHAZ);
        hazard.initCause(adapter);
        HeuristicMixedException mixed = new HeuristicMixedException("one-phase commit failed");
        mixed.initCause(hazard);
        return new EJBTransactionRolledbackException("the transaction was rolled back at commit", mixed);
    }

    /** How a driver's exception reaches a boundary from a @Stateless control: EJB, JPA and EclipseLink wrappers. */
    private static RuntimeException asTheContainerThrowsIt(SQLException driver) {
        return new EJBException(new PersistenceException(DatabaseException.sqlException(driver)));
    }
}
