package com.ecommerce.analytics.analytics.control;

import java.time.Instant;
import java.time.YearMonth;
import java.util.logging.Logger;
import java.util.stream.Stream;


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

    public record Result(int months, long salesRows, long countryRows, long differences) {
        Result plus(MonthlySales.MonthResult month) {
            return new Result(months + 1, salesRows + month.salesRows(), countryRows + month.countryRows(),
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

    @Inject
    AggregatesTimeZone timeZone;

    @Inject
    NewSnapshots snapshots;

    public Result rebuild() {
        return rebuild(true);
    }

    private Result rebuild(boolean compare) {
        long started = System.nanoTime();
        Instant first = earliest();
        Result result = new Result(0, 0, 0, 0);
        if (first == null) {
            timeZone.recordCurrent();
            return result;
        }
        YearMonth last = YearMonth.from(calendar.today().plusDays(1));
        for (YearMonth month = YearMonth.from(calendar.dayOf(first)); !month.isAfter(last); month = month.plusMonths(1)) {
            result = result.plus(months.rebuild(month, compare));
        }
        result = new Result(result.months(), result.salesRows(), result.countryRows(),
                result.differences() + snapshots.retakeAll(compare) + customers.rebuild(compare));
        timeZone.recordCurrent();
        Result done = result;
        LOG.info(() -> "Rebuilt the sales aggregates in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + done);
        return done;
    }

    /**
     * Rebuilds where orders exist without aggregates (the demo data, a database from before them), or with
     * aggregates built in another STORE_TIMEZONE: their days would be the other zone's days.
     */
    public void rebuildIfStale() {
        boolean ordersExist = !em.createNativeQuery("SELECT id FROM orders").setMaxResults(1).getResultList().isEmpty();
        boolean aggregatesExist = Stream.of("country_daily", "category_daily", "customer_stats")
                .allMatch(table -> !em.createNativeQuery("SELECT 1 FROM " + table).setMaxResults(1).getResultList().isEmpty());
        if (ordersExist && !(aggregatesExist && timeZone.isCurrent())) {
            LOG.info(() -> "Rebuilding the sales aggregates for STORE_TIMEZONE " + calendar.zone().getId());
            rebuild(false);
        } else {
            timeZone.recordCurrent();
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
