package com.ecommerce.analytics.platform.lifecycle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The job_lease rows, each change a short transaction of its own, committed before the job's work goes on. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLeaseRows {

    @PersistenceContext
    EntityManager em;

    /** Claims or renews the job's lease for the holder until the time; false while another holder's lease runs. */
    public boolean claim(String job, String holder, long untilMillis) {
        return em.createNativeQuery("UPDATE job_lease SET holder = ?, lease_until = ? WHERE job = ? "
                        + "AND (holder IS NULL OR holder = ? OR lease_until < ?)")
                .setParameter(1, holder).setParameter(2, untilMillis).setParameter(3, job).setParameter(4, holder)
                .setParameter(5, System.currentTimeMillis())
                .executeUpdate() == 1;
    }

    public void release(String job, String holder) {
        em.createNativeQuery("UPDATE job_lease SET holder = NULL, lease_until = 0 WHERE job = ? AND holder = ?")
                .setParameter(1, job).setParameter(2, holder).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isHeld(String job) {
        return !em.createNativeQuery("SELECT job FROM job_lease WHERE job = ? AND holder IS NOT NULL AND lease_until >= ?")
                .setParameter(1, job).setParameter(2, System.currentTimeMillis()).getResultList().isEmpty();
    }
}
