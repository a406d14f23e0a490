package com.ecommerce.analytics.analytics.repair;

import java.time.Duration;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Lets one rebuild at a time run, across instances: a lease on the sales_aggregates row, claimed and renewed in
 * short transactions of its own (never held as a lock), that lapses if its holder dies.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RebuildLease {

    static final Duration TERM = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    /** Claims or renews the lease for the owner; false while another owner holds it. */
    public boolean claim(String owner) {
        long now = System.currentTimeMillis();
        return em.createNativeQuery("UPDATE sales_aggregates SET rebuild_owner = ?, rebuild_until = ? WHERE id = 1 "
                        + "AND (rebuild_owner IS NULL OR rebuild_owner = ? OR rebuild_until < ?)")
                .setParameter(1, owner).setParameter(2, now + TERM.toMillis()).setParameter(3, owner).setParameter(4, now)
                .executeUpdate() == 1;
    }

    public void release(String owner) {
        em.createNativeQuery("UPDATE sales_aggregates SET rebuild_owner = NULL, rebuild_until = 0 WHERE id = 1 "
                + "AND rebuild_owner = ?").setParameter(1, owner).executeUpdate();
    }

    public boolean isHeld() {
        Object until = em.createNativeQuery("SELECT rebuild_until FROM sales_aggregates WHERE id = 1 "
                + "AND rebuild_owner IS NOT NULL").getResultList().stream().findFirst().orElse(null);
        return until != null && ((Number) until).longValue() > System.currentTimeMillis();
    }
}
