package com.ecommerce.analytics.platform.database;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements EclipseLink sends on the current thread (registered in persistence.xml),
 * so a request can report what it cost and tests can prove that lists do not query per row.
 */
public class SqlStatementCounter extends SessionEventAdapter {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public void preExecuteCall(SessionEvent event) {
        COUNT.get()[0]++;
    }

    public static void reset() {
        COUNT.get()[0] = 0;
    }

    public static int count() {
        return COUNT.get()[0];
    }
}
