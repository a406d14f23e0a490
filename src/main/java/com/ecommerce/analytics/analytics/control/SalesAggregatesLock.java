package com.ecommerce.analytics.analytics.control;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The row of sales_aggregates, locked in the caller's transaction: shared by every change to the sales
 * aggregates, so changes run side by side, and exclusively while snapshots are taken or the aggregates
 * rebuilt, so those see every change to the days they cover, and no change is half applied to them.
 */
@Stateless
public class SalesAggregatesLock {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "DATABASE_ENGINE", defaultValue = "h2")
    String databaseEngine;

    public void shared() {
        // H2 has no shared row locks: on the embedded database, changes to the sales take turns.
        lock(isMySql() ? " LOCK IN SHARE MODE" : " FOR UPDATE");
    }

    private boolean isMySql() {
        return "mysql".equalsIgnoreCase(databaseEngine);
    }

    /**
     * Shared, taken before the caller locks rows that an exclusive holder (an import) may also need; on H2,
     * where shared is exclusive and referenced rows are not locked, nothing (taking it early there would make
     * a status change and an order placement wait for each other's stock rows).
     */
    public void sharedBeforeRowLocks() {
        if (isMySql()) {
            shared();
        }
    }

    public void exclusive() {
        lock(" FOR UPDATE");
    }

    private void lock(String mode) {
        em.createNativeQuery("SELECT id FROM sales_aggregates WHERE id = 1" + mode).getResultList();
    }
}
