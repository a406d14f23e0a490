package com.ecommerce.analytics.analytics.control;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;


import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Takes the sales snapshots that are due (up to today), each from the one before and the daily sales in
 * between, while holding the aggregates lock exclusively; and retakes them all after a rebuild.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NewSnapshots {

    private static final Logger LOG = Logger.getLogger(NewSnapshots.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SalesAggregatesLock lock;

    @Inject
    StoreCalendar calendar;

    public void takeDue(SnapshotScope scope) {
        lock.exclusive();
        LocalDate latest = latest(scope);
        LocalDate first = latest == null ? firstDay(scope) : scope.next(latest);
        if (first == null) {
            return;
        }
        for (LocalDate day = first; !day.isAfter(due(scope)); day = scope.next(day)) {
            take(scope, day);
        }
    }

    /** Takes every snapshot that is missing up to today, as analytics requests would. */
    public void takeAllDue() {
        for (SnapshotScope scope : SnapshotScope.values()) {
            takeDue(scope);
        }
    }

    /**
     * Retakes every snapshot from the (rebuilt) daily sales; answers how many rows of the snapshots taken
     * before differed (a snapshot day first taken now, before the earliest one, has nothing to compare).
     */
    public long retakeAll(boolean compare) {
        lock.exclusive();
        long differences = 0;
        for (SnapshotScope scope : SnapshotScope.values()) {
            LocalDate first = firstDay(scope);
            LocalDate due = due(scope);
            if (compare) {
                differences += count("SELECT COUNT(*) FROM " + scope.table + " WHERE (snapshot_day < ? OR snapshot_day > ?) "
                        + "AND NOT (units = 0 AND gross = 0 AND orders = 0 AND refunded_units = 0 AND refunds = 0)",
                        first == null ? due.plusDays(1) : first, due);
            }
            Set<LocalDate> taken = new HashSet<>(days(scope));
            em.createNativeQuery("DELETE FROM sales_snapshot_day WHERE scope = ?").setParameter(1, scope.code).executeUpdate();
            if (first == null) {
                em.createNativeQuery("DELETE FROM " + scope.table).executeUpdate();
                continue;
            }
            em.createNativeQuery("DELETE FROM " + scope.table + " WHERE snapshot_day < ? OR snapshot_day > ?")
                    .setParameter(1, first).setParameter(2, due).executeUpdate();
            for (LocalDate day = first; !day.isAfter(due); day = scope.next(day)) {
                boolean comparing = compare && taken.contains(day);
                Map<List<Object>, Measures> before = comparing ? rows(scope, day) : Map.of();
                em.createNativeQuery("DELETE FROM " + scope.table + " WHERE snapshot_day = ?").setParameter(1, day)
                        .executeUpdate();
                take(scope, day);
                if (comparing) {
                    differences += differences(scope, day, before, rows(scope, day));
                }
            }
        }
        return differences;
    }

    /** The first snapshot, on or before the first day with sales, is empty: nothing was sold before it. */
    private void take(SnapshotScope scope, LocalDate day) {
        LocalDate previous = latest(scope);
        if (previous != null) {
            em.createNativeQuery("INSERT INTO " + scope.table + " (snapshot_day, " + scope.keys + ", units, gross, orders, "
                            + "refunded_units, refunds) SELECT ?, rolled.* FROM (" + scope.rollForward() + ") rolled")
                    .setParameter(1, day).setParameter(2, previous).setParameter(3, previous).setParameter(4, day)
                    .executeUpdate();
        }
        em.createNativeQuery("INSERT INTO sales_snapshot_day (scope, snapshot_day) VALUES (?, ?)")
                .setParameter(1, scope.code).setParameter(2, day).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<LocalDate> days(SnapshotScope scope) {
        return ((List<Object>) em.createNativeQuery("SELECT snapshot_day FROM sales_snapshot_day WHERE scope = ?")
                .setParameter(1, scope.code).getResultList()).stream().map(SqlValues::date).toList();
    }

    private LocalDate due(SnapshotScope scope) {
        return scope.dayOnOrBefore(calendar.today());
    }

    private LocalDate latest(SnapshotScope scope) {
        Object day = em.createNativeQuery("SELECT MAX(snapshot_day) FROM sales_snapshot_day WHERE scope = ?")
                .setParameter(1, scope.code).getSingleResult();
        return day == null ? null : SqlValues.date(day);
    }

    private LocalDate firstDay(SnapshotScope scope) {
        Object day = em.createNativeQuery("SELECT MIN(sale_date) FROM sales_daily").getSingleResult();
        return day == null ? null : scope.dayOnOrBefore(SqlValues.date(day));
    }

    @SuppressWarnings("unchecked")
    private Map<List<Object>, Measures> rows(SnapshotScope scope, LocalDate day) {
        Map<List<Object>, Measures> rows = new HashMap<>();
        int keys = scope.keys.split(",").length;
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT " + scope.keys + ", units, gross, orders, "
                + "refunded_units, refunds FROM " + scope.table + " WHERE snapshot_day = ?").setParameter(1, day)
                .getResultList()) {
            rows.put(List.of(row).subList(0, keys).stream().map(NewSnapshots::normal).toList(), Measures.of(row, keys));
        }
        return rows;
    }

    private static long differences(SnapshotScope scope, LocalDate day, Map<List<Object>, Measures> stored,
                                    Map<List<Object>, Measures> fresh) {
        Set<List<Object>> keys = new HashSet<>(stored.keySet());
        keys.addAll(fresh.keySet());
        long differing = 0;
        for (List<Object> key : keys) {
            Measures kept = stored.getOrDefault(key, Measures.NONE);
            Measures recomputed = fresh.getOrDefault(key, Measures.NONE);
            if (!kept.sameAs(recomputed) && differing++ < 20) {
                LOG.warning(() -> "Sales snapshot " + scope.code + " " + day + " " + key + " was " + kept + ", recomputed "
                        + recomputed);
            }
        }
        return differing;
    }

    private long count(String sql, LocalDate first, LocalDate last) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, first).setParameter(2, last).getSingleResult()).longValue();
    }

    /** Key columns as compared: ids as longs, whatever number type the driver chose. */
    private static Object normal(Object value) {
        return value instanceof Number number ? number.longValue() : value;
    }
}
