package com.ecommerce.analytics.analytics.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * Product and category sales over any range from the snapshots (see migration V7): everything sold before
 * the day after the range, less everything sold before its first day, each read from the nearest snapshot
 * corrected by the daily sales between it and that day. Also keeps the snapshots current with each change.
 */
@Stateless
public class SalesSnapshots {

    @PersistenceContext
    EntityManager em;

    @Inject
    NewSnapshots newSnapshots;

    @Inject
    StoreCalendar calendar;

    /** A change of a day's sales also changes everything sold before each later snapshot day. */
    public void add(LocalDate day, long product, String country, Measures change) {
        for (SnapshotScope scope : SnapshotScope.values()) {
            Query query = em.createNativeQuery("INSERT INTO " + scope.table + " (snapshot_day, " + scope.keys + ", units, "
                    + "gross, orders, refunded_units, refunds) SELECT snapshot_day, " + (scope == SnapshotScope.PRODUCT
                    ? "?" : "?, ?") + ", ?, ?, ?, ?, ? FROM sales_snapshot_day WHERE scope = ? AND snapshot_day > ? "
                    + "ON DUPLICATE KEY UPDATE units = units + VALUES(units), gross = gross + VALUES(gross), "
                    + "orders = orders + VALUES(orders), refunded_units = refunded_units + VALUES(refunded_units), "
                    + "refunds = refunds + VALUES(refunds)");
            List<Object> values = new ArrayList<>(scope == SnapshotScope.PRODUCT ? List.of(product) : List.of(country, product));
            values.addAll(List.of(change.units(), change.gross(), change.orders(), change.refundedUnits(), change.refunds(),
                    scope.code, day));
            bind(query, values).executeUpdate();
        }
    }

    /** Each product's sales in the range (in one country, or in all when country is null); products without any left out. */
    public Map<Long, Measures> byProduct(Comparison.Range range, CountryCode country) {
        Map<Long, Measures> sales = new HashMap<>();
        between(range, country, "s.product_id", "", "s.product_id")
                .forEach((product, measures) -> sales.put(SqlValues.whole(product), measures));
        return sales;
    }

    /** Each category's sales in the range, by category name; products count in their current category. */
    public Map<String, Measures> byCategory(Comparison.Range range) {
        Map<String, Measures> sales = new HashMap<>();
        between(range, null, "c.name", "JOIN product p ON p.id = s.product_id JOIN category c ON c.id = p.category_id",
                "c.id, c.name").forEach((category, measures) -> sales.put((String) category, measures));
        return sales;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Measures> between(Comparison.Range range, CountryCode country, String group, String joins,
                                          String groupBy) {
        SnapshotScope scope = country == null ? SnapshotScope.PRODUCT : SnapshotScope.PRODUCT_COUNTRY;
        takeDueSnapshots(scope);
        List<String> parts = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        soldBefore(scope, range.end().plusDays(1), country, "", parts, values);
        soldBefore(scope, range.start(), country, "-", parts, values);
        Query query = em.createNativeQuery("SELECT " + group + ", SUM(s.units), SUM(s.gross), SUM(s.orders), "
                + "SUM(s.refunded_units), SUM(s.refunds) FROM (" + String.join(" UNION ALL ", parts) + ") s " + joins
                + " GROUP BY " + groupBy);
        Map<Object, Measures> sales = new HashMap<>();
        for (Object[] row : (List<Object[]>) bind(query, values).getResultList()) {
            Measures measures = Measures.of(row, 1);
            if (!measures.isZero()) {
                sales.put(row[0], measures);
            }
        }
        return sales;
    }

    /**
     * The rows whose sum per product is everything sold before the day, each measure with the sign given:
     * the nearest snapshot, plus the daily sales from it to the day, or less those from the day to it.
     */
    private void soldBefore(SnapshotScope scope, LocalDate day, CountryCode country, String sign, List<String> parts,
                            List<Object> values) {
        LocalDate before = snapshotDay(scope, day, false);
        LocalDate after = snapshotDay(scope, day, true);
        String opposite = sign.isEmpty() ? "-" : "";
        String inCountry = country == null ? "" : " AND country = ?";
        if (after != null && (before == null || ChronoUnit.DAYS.between(day, after) < ChronoUnit.DAYS.between(before, day))) {
            parts.add(measures(sign, scope.table, "snapshot_day = ?" + inCountry));
            parts.add(measures(opposite, "sales_daily", "sale_date >= ? AND sale_date < ?" + inCountry));
            values.add(after);
            addCountry(values, country);
            values.addAll(List.of(day, after));
        } else {
            if (before != null) {
                parts.add(measures(sign, scope.table, "snapshot_day = ?" + inCountry));
                values.add(before);
                addCountry(values, country);
            }
            parts.add(measures(sign, "sales_daily", (before == null ? "" : "sale_date >= ? AND ") + "sale_date < ?" + inCountry));
            if (before != null) {
                values.add(before);
            }
            values.add(day);
        }
        addCountry(values, country);
    }

    private static String measures(String sign, String table, String where) {
        return "SELECT product_id, " + sign + "units AS units, " + sign + "gross AS gross, " + sign + "orders AS orders, "
                + sign + "refunded_units AS refunded_units, " + sign + "refunds AS refunds FROM " + table + " WHERE " + where;
    }

    private static void addCountry(List<Object> values, CountryCode country) {
        if (country != null) {
            values.add(country.value());
        }
    }

    /** The latest snapshot on or before the day, or the first after it; null when there is none. */
    private LocalDate snapshotDay(SnapshotScope scope, LocalDate day, boolean after) {
        Object found = em.createNativeQuery("SELECT " + (after ? "MIN" : "MAX") + "(snapshot_day) FROM sales_snapshot_day "
                        + "WHERE scope = ? AND snapshot_day " + (after ? ">" : "<=") + " ?")
                .setParameter(1, scope.code).setParameter(2, day).getSingleResult();
        return found == null ? null : SqlValues.date(found);
    }

    private void takeDueSnapshots(SnapshotScope scope) {
        LocalDate due = scope.dayOnOrBefore(calendar.dayOf(StoredTime.now()));
        Object latest = em.createNativeQuery("SELECT MAX(snapshot_day) FROM sales_snapshot_day WHERE scope = ?")
                .setParameter(1, scope.code).getSingleResult();
        if (latest == null || SqlValues.date(latest).isBefore(due)) {
            newSnapshots.takeDue(scope);
        }
    }

    private static Query bind(Query query, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }
}
