package com.ecommerce.analytics.platform.database;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/** What the persistence unit's session reports to us (persistence.xml names this class). */
public class SessionListeners implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getEventManager().addListener(new SqlStatementCounter());
        session.getEventManager().addListener(new DeadlineOnConnections());
    }
}
