package com.ecommerce.analytics.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Gives a connection EclipseLink acquires during a write with a deadline (WriteDeadline) a network timeout that ends
 * at the deadline, and takes it off before the connection goes back to the pool. The timeout covers every round trip
 * of the transaction, its COMMIT included, which is where a Galera cluster holds a write while it reforms; a driver
 * whose reads time out closes the connection, so the transaction is over. An embedded database has no network and
 * no such timeout (H2 ignores it), and its writes go unbounded.
 */
public class DeadlineOnConnections extends SessionEventAdapter {

    /** Connector/J sets the socket timeout through the executor; nothing is left to run later. */
    private static final Executor AT_ONCE = Runnable::run;

    private volatile boolean supported = true;

    @Override
    public void postAcquireConnection(SessionEvent event) {
        OptionalInt remaining = WriteDeadline.remainingMillis();
        if (remaining.isPresent() && supported) {
            Connection connection = connectionOf(event);
            if (connection != null) {
                setTimeout(connection, remaining.getAsInt());
            }
        }
    }

    /** The write with the deadline releases its connection before it ends, after COMMIT. */
    @Override
    public void preReleaseConnection(SessionEvent event) {
        if (WriteDeadline.remainingMillis().isPresent() && supported) {
            Connection connection = connectionOf(event);
            try {
                if (connection != null && !connection.isClosed()) {
                    connection.setNetworkTimeout(AT_ONCE, 0);
                }
            } catch (SQLException closedAlready) {
                // a connection whose deadline passed is closed; the pool destroys it
            }
        }
    }

    private void setTimeout(Connection connection, int millis) {
        try {
            connection.setNetworkTimeout(AT_ONCE, millis);
        } catch (SQLFeatureNotSupportedException embedded) {
            supported = false;
        } catch (SQLException closedAlready) {
            // the statement about to run on it fails and says why
        }
    }

    /** The event's result is EclipseLink's Accessor, a type of its internal API that Liberty hides from applications. */
    private static Connection connectionOf(SessionEvent event) {
        Object accessor = event.getResult();
        try {
            return accessor != null && accessor.getClass().getMethod("getConnection").invoke(accessor)
                    instanceof Connection connection ? connection : null;
        } catch (ReflectiveOperationException | RuntimeException notAnAccessor) {
            return null;
        }
    }
}
