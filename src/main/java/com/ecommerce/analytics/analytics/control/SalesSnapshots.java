package com.ecommerce.analytics.analytics.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.ecommerce.analytics.customers.entity.CountryCode;

import jakarta.annotation.Resource;
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

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

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
            NativeQueries.bind(query, values).executeUpdate();
        }
    }

    /** Each product's sales in the range (in one country, or in all when country is null); products without any left out. */
    public Map<Long, Measures> byProduct(Comparison.Range range, CountryCode country) {
        SnapshotScope scope = country == null ? SnapshotScope.PRODUCT : SnapshotScope.PRODUCT_COUNTRY;
        takeDueSnapshots(scope);
        for (int attempt = 1; ; attempt++) {
            try {
                Map<Long, Measures> sales = new HashMap<>();
                addSoldBefore(scope, range.end().plusDays(1), country, 1, sales);
                addSoldBefore(scope, range.start(), country, -1, sales);
                sales.values().removeIf(Measures::isZero);
                return sales;
            } catch (SnapshotDropped dropped) {
                if (attempt == 3) {
                    throw new IllegalStateException("Sales snapshots kept being dropped while they were read", dropped);
                }
            }
        }
    }

    /**
     * An import dropped the snapshot between finding it and reading its rows (reads take no lock): read again,
     * from the snapshots left.
     */
    private static final class SnapshotDropped extends RuntimeException {
        SnapshotDropped() {
            super(null, null, false, false);
        }
    }

    /** Each category's sales in the range, by category name; products count in their current category. */
    @SuppressWarnings("unchecked")
    public Map<String, Measures> byCategory(Comparison.Range range) {
        Map<Long, String> categories = new HashMap<>();
        ((List<Object[]>) em.createNativeQuery("SELECT p.id, c.name FROM product p JOIN category c ON c.id = p.category_id")
                .getResultList()).forEach(row -> categories.put(SqlValues.whole(row[0]), (String) row[1]));
        Map<String, Measures> sales = new HashMap<>();
        byProduct(range, null).forEach((product, measures) ->
                sales.merge(categories.get(product), measures, Measures::plus));
        sales.values().removeIf(Measures::isZero);
        return sales;
    }

    /**
     * Adds (sign 1) or subtracts (sign -1) everything each product sold before the day: the nearest snapshot,
     * plus the daily sales from it to the day, or less those from the day to it. Plain reads, summed here:
     * the database answers them from its indexes in order, faster than it would group their union.
     */
    private void addSoldBefore(SnapshotScope scope, LocalDate day, CountryCode country, int sign, Map<Long, Measures> sales) {
        LocalDate before = snapshotDay(scope, day, false);
        LocalDate after = snapshotDay(scope, day, true);
        String inCountry = country == null ? "" : " AND country = ?";
        List<Object> inCountryValues = country == null ? List.of() : List.of(country.value());
        String snapshot = "SELECT " + MEASURES + " FROM " + scope.table + " WHERE snapshot_day = ?" + inCountry;
        String daysBetween = "SELECT " + MEASURES + " FROM sales_daily WHERE sale_date >= ? AND sale_date < ?" + inCountry;
        if (after != null && (before == null || ChronoUnit.DAYS.between(day, after) < ChronoUnit.DAYS.between(before, day))) {
            add(sales, sign, snapshot, values(List.of(after), inCountryValues));
            requireTaken(scope, after);
            add(sales, -sign, daysBetween, values(List.of(day, after), inCountryValues));
        } else if (before != null) {
            add(sales, sign, snapshot, values(List.of(before), inCountryValues));
            requireTaken(scope, before);
            add(sales, sign, daysBetween, values(List.of(before, day), inCountryValues));
        } else {
            add(sales, sign, "SELECT " + MEASURES + " FROM sales_daily WHERE sale_date < ?" + inCountry,
                    values(List.of(day), inCountryValues));
        }
    }

    private static final String MEASURES = "product_id, units, gross, orders, refunded_units, refunds";

    /** Straight JDBC on the transaction's connection: tens of thousands of rows, read with little overhead. */
    private void add(Map<Long, Measures> sales, int sign, String sql, List<Object> values) {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Measures measures = new Measures(rows.getLong(2), rows.getBigDecimal(3), rows.getLong(4), rows.getLong(5),
                            rows.getBigDecimal(6));
                    sales.merge(rows.getLong(1), sign > 0 ? measures : measures.negate(), Measures::plus);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sales snapshots", e);
        }
    }

    private static List<Object> values(List<Object> first, List<Object> then) {
        List<Object> values = new ArrayList<>(first);
        values.addAll(then);
        return values;
    }

    private void requireTaken(SnapshotScope scope, LocalDate day) {
        if (em.createNativeQuery("SELECT 1 FROM sales_snapshot_day WHERE scope = ? AND snapshot_day = ?")
                .setParameter(1, scope.code).setParameter(2, day).getResultList().isEmpty()) {
            throw new SnapshotDropped();
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
        LocalDate today = calendar.today();
        LocalDate latest = snapshotDay(scope, today, false);
        if (latest == null || latest.isBefore(scope.dayOnOrBefore(today))) {
            newSnapshots.takeDue(scope);
        }
    }

}
