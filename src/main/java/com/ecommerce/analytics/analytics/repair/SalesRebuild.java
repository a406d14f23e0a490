package com.ecommerce.analytics.analytics.repair;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.lifecycle.ServerStopping;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Brings every aggregate in line with the orders, refunds and order lines, month by month, then the years,
 * then the customers, each step in short transactions beside the orders being placed (see AggregateRepair),
 * and counts the rows that disagreed (0 when the bookkeeping is right). One instance at a time (RebuildLease).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SalesRebuild {

    public record Result(int months, long salesRows, long countryRows, long differences) {
        Result plus(AggregateRepair.Repaired month) {
            return new Result(months + 1, salesRows + month.salesRows(), countryRows + month.countryRows(),
                    differences + month.differences());
        }

        Result plusDifferences(long more) {
            return new Result(months, salesRows, countryRows, differences + more);
        }
    }

    private static final Logger LOG = Logger.getLogger(SalesRebuild.class.getName());
    private static final Duration WAIT_FOR_RUNNING = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(250);

    @PersistenceContext
    EntityManager em;

    @Inject
    AggregateRepair repair;

    @Inject
    StoreCalendar calendar;

    @Inject
    CustomerStatsRepair customers;

    @Inject
    AggregatesTimeZone timeZone;

    @Inject
    RebuildLease lease;

    @Inject
    WriteRetries retries;

    /** Waits for a rebuild under way (another request's, or the catch-up after a start), then runs its own. */
    public Result rebuild() {
        String owner = UUID.randomUUID().toString();
        Instant giveUp = Instant.now().plus(WAIT_FOR_RUNNING);
        while (!lease.claim(owner)) {
            if (Instant.now().isAfter(giveUp)) {
                throw new Conflict("Another rebuild of the sales aggregates has been running for over "
                        + WAIT_FOR_RUNNING.toMinutes() + " minutes; try again when it has finished.");
            }
            pause();
        }
        try {
            return repairAll(owner, AggregateRepair.Expected.NO_DIFFERENCES);
        } finally {
            lease.release(owner);
        }
    }

    /**
     * Repairs the aggregates where they were built in another STORE_TIMEZONE (their days would be the other
     * zone's days) or never (a new schema, the demo data). Answers false, doing nothing, while another instance
     * holds the lease: it may be doing the same.
     */
    public boolean rebuildIfStale() {
        if (timeZone.isCurrent() && !ordersWithoutAggregates()) {
            return true;
        }
        // Until a repair is through, the rows are part one zone's days and part the other's: a stop meanwhile must
        // leave them marked stale, so that the next start repairs them whatever zone it has.
        timeZone.markStale();
        String owner = UUID.randomUUID().toString();
        if (!lease.claim(owner)) {
            return false;
        }
        try {
            LOG.info(() -> "Bringing the sales aggregates up to date for STORE_TIMEZONE " + calendar.zone().getId());
            repairAll(owner, AggregateRepair.Expected.DIFFERENCES);
            return true;
        } finally {
            lease.release(owner);
        }
    }

    private Result repairAll(String owner, AggregateRepair.Expected expected) {
        long started = System.nanoTime();
        Result result = new Result(0, 0, 0, 0);
        LocalDate first = earliest();
        if (first != null) {
            YearMonth last = YearMonth.from(latest());
            for (YearMonth month = YearMonth.from(first); !month.isAfter(last); month = month.plusMonths(1)) {
                ServerStopping.checkNotStopping("the repair of the sales aggregates");
                result = result.plus(repair.repairMonth(month, expected));
                renew(owner);
            }
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                ServerStopping.checkNotStopping("the repair of the sales aggregates");
                result = result.plusDifferences(repair.repairYear(year, expected));
            }
        }
        long lastCustomer = customers.lastCustomer();
        for (long from = 0; from <= lastCustomer; from += CustomerStatsRepair.CUSTOMERS_PER_TRANSACTION) {
            ServerStopping.checkNotStopping("the repair of the customers' stats");
            long range = from;
            // One short transaction per range of customers, redone alone after a lock conflict.
            result = result.plusDifferences(retries.callInBackground(() -> customers.repair(range,
                    range + CustomerStatsRepair.CUSTOMERS_PER_TRANSACTION, expected)));
            renew(owner);
        }
        timeZone.recordCurrent();
        Result done = result;
        LOG.info(() -> "Repaired the sales aggregates in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + done);
        return done;
    }

    /**
     * Keeps the lease; a step that outlasted it (another instance may have taken the lease and be adding the same
     * differences) ends the repair rather than add them twice.
     */
    private void renew(String owner) {
        if (!lease.claim(owner)) {
            throw new IllegalStateException("The rebuild lease lapsed during a step longer than "
                    + RebuildLease.TERM.toMinutes() + " minutes; another instance may be repairing, so this repair stops");
        }
    }

    /** Orders written straight to the tables (the demo data into a store that had none). */
    private boolean ordersWithoutAggregates() {
        return !em.createNativeQuery("SELECT id FROM orders").setMaxResults(1).getResultList().isEmpty()
                && em.createNativeQuery("SELECT sale_date FROM country_daily").setMaxResults(1).getResultList().isEmpty();
    }

    /** The first day that has orders, refunds or aggregate rows (in this zone's days); null when there is none. */
    private LocalDate earliest() {
        return Stream.of(day(instant("SELECT MIN(order_date) FROM orders")), day(instant("SELECT MIN(refund_date) FROM refund")),
                        date("SELECT MIN(sale_date) FROM sales_daily"), date("SELECT MIN(period_start) FROM sales_rollup"))
                .filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    private LocalDate latest() {
        return Stream.of(day(instant("SELECT MAX(order_date) FROM orders")), day(instant("SELECT MAX(refund_date) FROM refund")),
                        date("SELECT MAX(sale_date) FROM sales_daily"), date("SELECT MAX(period_start) FROM sales_rollup"),
                        calendar.today())
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElseThrow();
    }

    private Instant instant(String sql) {
        return SqlValues.instant(em.createNativeQuery(sql).getSingleResult());
    }

    private LocalDate date(String sql) {
        Object value = em.createNativeQuery(sql).getSingleResult();
        return value == null ? null : SqlValues.date(value);
    }

    private LocalDate day(Instant instant) {
        return instant == null ? null : calendar.dayOf(instant);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a running rebuild", e);
        }
    }
}
