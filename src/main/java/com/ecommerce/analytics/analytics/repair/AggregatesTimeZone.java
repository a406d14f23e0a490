package com.ecommerce.analytics.analytics.repair;

import com.ecommerce.analytics.analytics.control.StoreCalendar;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The store time zone the day-based aggregates were last built in. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AggregatesTimeZone {

    @PersistenceContext
    EntityManager em;

    @Inject
    StoreCalendar calendar;

    public boolean isCurrent() {
        return calendar.zone().getId().equals(em.createNativeQuery("SELECT store_time_zone FROM sales_aggregates WHERE id = 1")
                .getSingleResult());
    }

    /** The aggregates no longer match the orders until a repair has run (SalesCatchUp). */
    public void markStale() {
        em.createNativeQuery("UPDATE sales_aggregates SET store_time_zone = '' WHERE id = 1").executeUpdate();
    }

    public void recordCurrent() {
        em.createNativeQuery("UPDATE sales_aggregates SET store_time_zone = ? WHERE id = 1")
                .setParameter(1, calendar.zone().getId()).executeUpdate();
    }
}
