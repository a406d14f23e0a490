package com.ecommerce.analytics.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

/**
 * Recognises a deadlock or a lock wait timeout anywhere in a failure's causes. The database rolled the
 * transaction back (or gave up waiting), so redoing it whole is safe and usually succeeds; an optimistic
 * lock failure is not one of these, since it means someone else's change won and the client must re-read.
 * A Galera cluster reports a write set that failed certification as a deadlock (1213, 40001) at COMMIT: Liberty
 * then wraps the driver's failure in a ResourceException, an XAException and a HeuristicMixedException before the
 * EJB container's EJBTransactionRolledbackException, and the search (FailureCauses) follows them all. A connection
 * lost at COMMIT (SQLSTATE 08, ConnectionLost) is no lock conflict: whether the transaction committed is unknown,
 * so it is not redone.
 */
public final class LockConflict {

    /** SQLState of a serialization failure, which MySQL, MariaDB and H2 give a deadlock. */
    static final String SERIALIZATION_FAILURE = "40001";

    /**
     * MySQL/MariaDB: 1213 deadlock, 1205 lock wait timeout. H2: 40001 DEADLOCK_1, 50200 LOCK_TIMEOUT_1,
     * 90131 CONCURRENT_UPDATE_1. The two ranges do not overlap, so one set serves both engines.
     */
    static final Set<Integer> VENDOR_CODES = Set.of(1213, 1205, 40001, 50200, 90131);

    private LockConflict() {
    }

    public static boolean inCausesOf(Throwable failure) {
        return FailureCauses.anyMatch(failure, LockConflict::isLockConflict);
    }

    private static boolean isLockConflict(Throwable failure) {
        if (failure instanceof PessimisticLockException || failure instanceof LockTimeoutException
                || failure instanceof SQLTransactionRollbackException) {
            return true;
        }
        return failure instanceof SQLException sql
                && (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || VENDOR_CODES.contains(sql.getErrorCode()));
    }
}
