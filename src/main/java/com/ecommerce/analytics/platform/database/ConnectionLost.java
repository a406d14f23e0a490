package com.ecommerce.analytics.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure to reach the database anywhere in a failure's causes: a connection refused, or lost in the
 * middle of a statement or of its COMMIT, as when the database node an instance writes to dies and its load balancer
 * cuts the connections (SQLSTATE class 08). Nothing of the request's own doing: the next attempt goes to a live node.
 * A write that met it may or may not have been committed, so it is not redone here.
 */
public final class ConnectionLost {

    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /**
     * Connector/J's StatementIsClosedException and ConnectionIsClosedException (SQLSTATE S1009, not 08): a statement of
     * a transaction whose connection the pool destroyed after an earlier statement lost it.
     */
    private static final String CLOSED_BY_THE_POOL = "IsClosedException";

    private ConnectionLost() {
    }

    public static boolean inCausesOf(Throwable failure) {
        return FailureCauses.anyMatch(failure, ConnectionLost::isConnectionFailure);
    }

    private static boolean isConnectionFailure(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure.getClass().getName().endsWith(CLOSED_BY_THE_POOL)) {
            return true;
        }
        return failure instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS);
    }
}
