package com.ecommerce.analytics.analytics.control;

import java.time.Instant;
import java.time.YearMonth;
import java.util.logging.Logger;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Recomputes the daily sales aggregates from the orders, refunds and order lines, one store month per
 * transaction, and counts how many rows the kept-up-to-date aggregates had differently (0 when the
 * incremental bookkeeping is right).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SalesRebuild {

    public record Result(int months, long salesRows, long orderRows, long differences) {
        Result plus(MonthlySales.MonthResult month) {
            return new Result(months + 1, salesRows + month.salesRows(), orderRows + month.orderRows(),
                    differences + month.differences());
        }
    }

    private static final Logger LOG = Logger.getLogger(SalesRebuild.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MonthlySales months;

    @Inject
    StoreCalendar calendar;

    @Inject
    CustomerSpend customers;

    public Result rebuild() {
        return rebuild(true);
    }

    private Result rebuild(boolean compare) {
        long started = System.nanoTime();
        Instant first = earliest();
        Result result = new Result(0, 0, 0, 0);
        if (first == null) {
            return result;
        }
        YearMonth last = YearMonth.from(calendar.dayOf(StoredTime.now()).plusDays(1));
        for (YearMonth month = YearMonth.from(calendar.dayOf(first)); !month.isAfter(last); month = month.plusMonths(1)) {
            result = result.plus(months.rebuild(month, compare));
        }
        result = new Result(result.months(), result.salesRows(), result.orderRows(),
                result.differences() + customers.rebuild(compare));
        Result done = result;
        LOG.info(() -> "Rebuilt the sales aggregates in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + done);
        return done;
    }

    /** After the migration that introduced them, or on a database filled by other means (the demo data). */
    public void rebuildIfMissing() {
        boolean ordersExist = !em.createNativeQuery("SELECT id FROM orders").setMaxResults(1).getResultList().isEmpty();
        boolean aggregatesExist = !em.createNativeQuery("SELECT sale_date FROM orders_daily").setMaxResults(1)
                .getResultList().isEmpty()
                && !em.createNativeQuery("SELECT customer_id FROM customer_stats").setMaxResults(1).getResultList().isEmpty();
        if (ordersExist && !aggregatesExist) {
            rebuild(false);
        }
    }

    private Instant earliest() {
        Object orders = em.createNativeQuery("SELECT MIN(order_date) FROM orders").getSingleResult();
        Object refunds = em.createNativeQuery("SELECT MIN(refund_date) FROM refund").getSingleResult();
        Instant a = SqlValues.instant(orders);
        Instant b = SqlValues.instant(refunds);
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }
}
