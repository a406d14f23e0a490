package com.ecommerce.analytics.analytics.control;

import java.time.Instant;

import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * inactive (the earlier service's definition): the share of all customers with no order in the last
 * periodDays. cohort: of the customers who ordered in the period before, the share who did not order in
 * this one.
 */
@Stateless
public class ChurnRate {

    public record Churn(double churnRate, String definition, int periodDays, long customers, long churned,
                        long retained) {
    }

    private static final long DAY_SECONDS = 86_400L;

    @PersistenceContext
    EntityManager em;

    public Churn of(int periodDays, boolean cohort) {
        Instant now = StoredTime.now();
        Instant periodStart = now.minusSeconds(DAY_SECONDS * periodDays);
        if (!cohort) {
            long customers = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM customer WHERE registration_date < ?")
                    .setParameter(1, UtcInstantConverter.toColumn(now)).getSingleResult()).longValue();
            long active = buyers(periodStart, now);
            return churn("inactive: customers without an order in the last " + periodDays + " days, of all customers",
                    periodDays, customers, active);
        }
        Instant previousStart = periodStart.minusSeconds(DAY_SECONDS * periodDays);
        long previous = buyers(previousStart, periodStart);
        long retained = ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT o.customer_id) FROM orders o "
                        + "WHERE o.status <> 'canceled' AND o.order_date >= ? AND o.order_date < ? AND EXISTS ("
                        + "SELECT 1 FROM orders n WHERE n.customer_id = o.customer_id AND n.status <> 'canceled' "
                        + "AND n.order_date >= ? AND n.order_date < ?)")
                .setParameter(1, UtcInstantConverter.toColumn(previousStart))
                .setParameter(2, UtcInstantConverter.toColumn(periodStart))
                .setParameter(3, UtcInstantConverter.toColumn(periodStart))
                .setParameter(4, UtcInstantConverter.toColumn(now))
                .getSingleResult()).longValue();
        return churn("cohort: of the customers who ordered in the " + periodDays + " days before the last " + periodDays
                + " days, those who did not order in the last " + periodDays + " days", periodDays, previous, retained);
    }

    private long buyers(Instant from, Instant to) {
        return ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT customer_id) FROM orders WHERE status <> 'canceled' "
                        + "AND order_date >= ? AND order_date < ?")
                .setParameter(1, UtcInstantConverter.toColumn(from))
                .setParameter(2, UtcInstantConverter.toColumn(to))
                .getSingleResult()).longValue();
    }

    private static Churn churn(String definition, int periodDays, long customers, long retained) {
        long churned = customers - retained;
        double rate = customers == 0 ? 0 : Math.round(10_000.0 * churned / customers) / 10_000.0;
        return new Churn(rate, definition, periodDays, customers, churned, retained);
    }
}
