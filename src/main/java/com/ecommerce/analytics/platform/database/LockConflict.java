package com.ecommerce.analytics.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

/**
 * Recognises a deadlock or a lock wait timeout anywhere in a failure's causes. The database rolled the
 * transaction back (or gave up waiting), so redoing it whole is safe and usually succeeds; an optimistic
 * lock failure is not one of these, since it means someone else's change won and the client must re-read.
 */
public final class LockConflict {

    /** SQLState of a serialization failure, which MySQL, MariaDB and H2 give a deadlock. */
    static final String SERIALIZATION_FAILURE = "40001";

    /**
     * MySQL/MariaDB: 1213 deadlock, 1205 lock wait timeout. H2: 40001 DEADLOCK_1, 50200 LOCK_TIMEOUT_1,
     * 90131 CONCURRENT_UPDATE_1. The two ranges do not overlap, so one set serves both engines.
     */
    static final Set<Integer> VENDOR_CODES = Set.of(1213, 1205, 40001, 50200, 90131);

    /**
     * Named, not imported: Liberty shows the application only part of EclipseLink, and its exceptions
     * package is not in it (a reference to DatabaseException fails with NoClassDefFoundError).
     */
    private static final String ECLIPSELINK_EXCEPTION = "org.eclipse.persistence.exceptions.EclipseLinkException";

    private LockConflict() {
    }

    public static boolean inCausesOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable current = pending.pop();
            if (!seen.add(current)) {
                continue;
            }
            if (isLockConflict(current)) {
                return true;
            }
            linkedTo(current, pending);
        }
        return false;
    }

    private static boolean isLockConflict(Throwable failure) {
        if (failure instanceof PessimisticLockException || failure instanceof LockTimeoutException
                || failure instanceof SQLTransactionRollbackException) {
            return true;
        }
        return failure instanceof SQLException sql
                && (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || VENDOR_CODES.contains(sql.getErrorCode()));
    }

    /** EclipseLink keeps the driver's exception as its internal exception; a batch keeps it as the next one. */
    private static void linkedTo(Throwable failure, Deque<Throwable> pending) {
        push(failure.getCause(), pending);
        push(internalException(failure), pending);
        if (failure instanceof SQLException sql) {
            push(sql.getNextException(), pending);
        }
    }

    private static Throwable internalException(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(ECLIPSELINK_EXCEPTION)) {
                try {
                    return (Throwable) type.getMethod("getInternalException").invoke(failure);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void push(Throwable failure, Deque<Throwable> pending) {
        if (failure != null) {
            pending.push(failure);
        }
    }
}
