package com.ecommerce.analytics.analytics.repair;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.control.PeriodCover;
import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.analytics.ledger.PendingRollups;
import com.ecommerce.analytics.analytics.ledger.SalesRows;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;
import com.ecommerce.analytics.platform.database.WriteRetries;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Brings the sales aggregates of one store month (or the year rows of one year) in line with the orders,
 * without stopping anyone: the orders and the aggregates are read in one consistent view, and what they
 * disagree by is added to the aggregates in a short transaction of its own. Changes committed meanwhile are
 * in neither side of the comparison and already in the aggregates, so adding the difference is right whatever
 * else commits; nothing is deleted and nothing is locked beyond the rows corrected.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AggregateRepair {

    public record Repaired(long salesRows, long countryRows, long differences) {
    }

    private static final Logger LOG = Logger.getLogger(AggregateRepair.class.getName());
    private static final String MEASURES = "units, gross, orders, refunded_units, refunds";
    private static final int ROWS_PER_CORRECTION = 2_000;
    private static final int LOGGED_DIFFERENCES = 20;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    StoreCalendar calendar;

    @Inject
    Corrections corrections;

    @Inject
    WriteRetries retries;

    /**
     * Whether a repair expects to find rows to correct: none after the bookkeeping kept them (a difference is a bug to
     * find, and the first few are logged), every row where they were never built or were built in another zone.
     */
    public enum Expected {
        NO_DIFFERENCES(Level.WARNING), DIFFERENCES(Level.FINE);

        private final Level logged;

        Expected(Level logged) {
            this.logged = logged;
        }

        /** The level at which the first differences found are logged. */
        Level logged() {
            return logged;
        }
    }

    /**
     * The month's daily rows from the orders, and its month rows from its daily rows, all compared in one view.
     * Both corrections are added: the daily one carries its own month and year rows with it (SalesRows), and the
     * month one makes up for what the month rows already differed from the days by.
     */
    public Repaired repairMonth(YearMonth month, Expected expected) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        Map<SalesRows.SalesKey, Measures> sales;
        Map<SalesRows.CountryKey, Measures> countries;
        Map<SalesRows.SalesKey, Measures> salesFix;
        Map<SalesRows.CountryKey, Measures> countryFix;
        Map<SalesRows.CategoryKey, Long> categoryFix;
        Map<SalesRows.RollupKey, Measures> monthFix;
        try (ConsistentRead view = ConsistentRead.open(dataSource)) {
            Connection db = view.connection();
            Map<SalesRows.CategoryKey, Set<Long>> categoryOrders = new HashMap<>();
            sales = freshSales(db, first, next, categoryOrders);
            countries = freshCountries(db, sales, first, next);
            Map<SalesRows.CategoryKey, Long> categories = new HashMap<>();
            categoryOrders.forEach((key, orders) -> categories.put(key, (long) orders.size()));
            Map<SalesRows.SalesKey, Measures> storedSales = storedDays(db, first, next);
            salesFix = differences(sales, storedSales, "daily", expected);
            countryFix = differences(countries, stored(db, "SELECT sale_date, country, " + MEASURES
                    + " FROM country_daily WHERE sale_date >= ? AND sale_date < ?", List.of(first, next),
                    row -> new SalesRows.CountryKey(date(row, 1), row.getString(2)), 3), "country", expected);
            categoryFix = differences(categories, storedCategories(db, first, next), 0L, (a, b) -> a - b,
                    delta -> delta == 0, "category orders", expected);
            monthFix = PendingRollups.all(db).contains(new PeriodCover.Period(PeriodCover.Grain.MONTH, first)) ? Map.of()
                    : monthRowsFix(db, first, storedSales, expected);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compare the sales aggregates of " + month + " with the orders", e);
        }
        for (Map<SalesRows.SalesKey, Measures> part : parts(salesFix)) {
            correct(part, Map.of(), Map.of());
        }
        correct(Map.of(), countryFix, categoryFix);
        parts(monthFix).forEach(this::correctRollups);
        return new Repaired(sales.size(), countries.size(),
                salesFix.size() + countryFix.size() + categoryFix.size() + monthFix.size());
    }

    /** What the month rows of a month differ by from its daily rows. */
    private static Map<SalesRows.RollupKey, Measures> monthRowsFix(Connection db, LocalDate first,
                                                                   Map<SalesRows.SalesKey, Measures> days,
                                                                   Expected expected)
            throws SQLException {
        Map<SalesRows.RollupKey, Measures> monthsOfDays = new HashMap<>();
        days.forEach((key, measures) -> SalesRows.rollUp(monthsOfDays, key, measures, PeriodCover.Grain.MONTH));
        String grain = PeriodCover.Grain.MONTH.code();
        return differences(monthsOfDays, stored(db, "SELECT country, product_id, " + MEASURES + " FROM sales_rollup "
                + "WHERE grain = ? AND period_start = ?", List.of(grain, first),
                row -> new SalesRows.RollupKey(grain, row.getString(1), first, row.getLong(2)), 3), "month", expected);
    }

    /** The year rows of a year from its month rows (each month repaired first); left alone while an import owes them. */
    public long repairYear(int year, Expected expected) {
        return repairYearRows(year, false, expected);
    }

    private long repairYearRows(int year, boolean evenIfPending, Expected expected) {
        LocalDate first = LocalDate.of(year, 1, 1);
        Map<SalesRows.RollupKey, Measures> fresh = new HashMap<>();
        Map<SalesRows.RollupKey, Measures> stored = new HashMap<>();
        try (ConsistentRead view = ConsistentRead.open(dataSource)) {
            if (!evenIfPending && PendingRollups.all(view.connection())
                    .contains(new PeriodCover.Period(PeriodCover.Grain.YEAR, first))) {
                return 0;
            }
            forEach(view.connection(), "SELECT grain, country, period_start, product_id, " + MEASURES + " FROM sales_rollup "
                    + "WHERE grain IN ('M', 'Y') AND period_start >= ? AND period_start < ?", List.of(first, first.plusYears(1)),
                    row -> {
                        Measures measures = measures(row, 5);
                        SalesRows.RollupKey key = new SalesRows.RollupKey(PeriodCover.Grain.YEAR.code(), row.getString(2),
                                first, row.getLong(4));
                        (PeriodCover.Grain.YEAR.code().equals(row.getString(1)) ? stored : fresh)
                                .merge(key, measures, Measures::plus);
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compare the sales of " + year + " with its months", e);
        }
        Map<SalesRows.RollupKey, Measures> fix = differences(fresh, stored, "year", expected);
        parts(fix).forEach(this::correctRollups);
        return fix.size();
    }

    /**
     * The month and year rows that an import which died (or failed to add them) still owed, made up from the days
     * and months, and their marks cleared. Called by the import holding the lease, so every other import's marks
     * are abandoned.
     */
    public void repairAbandonedRollups(long runningImport) {
        Map<PeriodCover.Period, Set<Long>> pending;
        try (Connection db = dataSource.getConnection()) {
            pending = PendingRollups.byImport(db);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read which rollups imports still owe", e);
        }
        Set<Long> abandoned = new HashSet<>();
        pending.values().forEach(abandoned::addAll);
        abandoned.remove(runningImport);
        if (abandoned.isEmpty()) {
            return;
        }
        LOG.warning(() -> "Imports " + abandoned + " ended owing the month and year rows of " + pending.keySet()
                + "; making them up from the days");
        pending.keySet().stream().filter(period -> period.grain() == PeriodCover.Grain.MONTH)
                .forEach(period -> repairMonthRows(period.start()));
        pending.keySet().stream().filter(period -> period.grain() == PeriodCover.Grain.YEAR)
                .forEach(period -> repairYearRows(period.start().getYear(), true, Expected.DIFFERENCES));
        try (Connection db = dataSource.getConnection()) {
            PendingRollups.clear(db, abandoned);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear the marks of imports " + abandoned, e);
        }
    }

    private void repairMonthRows(LocalDate first) {
        Map<SalesRows.RollupKey, Measures> fix;
        try (ConsistentRead view = ConsistentRead.open(dataSource)) {
            Connection db = view.connection();
            fix = monthRowsFix(db, first, storedDays(db, first, first.plusMonths(1)), Expected.DIFFERENCES);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compare the month rows of " + first + " with its days", e);
        }
        parts(fix).forEach(this::correctRollups);
    }

    /**
     * Each correction is a short transaction of its own, redone alone after a lock conflict: rolled back, it added
     * nothing, and the difference it adds stays right whatever committed meanwhile (see the class comment).
     */
    private void correct(Map<SalesRows.SalesKey, Measures> sales, Map<SalesRows.CountryKey, Measures> countries,
                         Map<SalesRows.CategoryKey, Long> categories) {
        retries.runInBackground(() -> corrections.apply(sales, countries, categories));
    }

    private void correctRollups(Map<SalesRows.RollupKey, Measures> rollups) {
        retries.runInBackground(() -> corrections.applyRollups(rollups));
    }

    /** The sales of the order lines and refunds; also collects which orders bought from each category each day. */
    private Map<SalesRows.SalesKey, Measures> freshSales(Connection db, LocalDate first, LocalDate next,
                                                         Map<SalesRows.CategoryKey, Set<Long>> categoryOrders)
            throws SQLException {
        Map<SalesRows.SalesKey, Measures> sales = new HashMap<>();
        Map<Long, Long> categories = new HashMap<>();
        forEach(db, "SELECT id, category_id FROM product", List.of(), row -> categories.put(row.getLong(1), row.getLong(2)));
        // A day at a time: a month of lines may not fit in memory, and the driver would hold a whole result.
        for (LocalDate day = first; day.isBefore(next); day = day.plusDays(1)) {
            LocalDate today = day;
            List<Object> bounds = List.of(UtcInstantConverter.toColumn(calendar.startOf(day)),
                    UtcInstantConverter.toColumn(calendar.startOf(day.plusDays(1))));
            forEach(db, "SELECT i.product_id, i.quantity, i.price_at_time_of_order, o.country, o.id FROM orders o "
                    + "JOIN order_item i ON i.order_id = o.id WHERE o.status <> 'canceled' AND o.order_date >= ? "
                    + "AND o.order_date < ?", bounds, line -> {
                        long product = line.getLong(1);
                        long units = line.getLong(2);
                        BigDecimal gross = line.getBigDecimal(3).multiply(BigDecimal.valueOf(units));
                        sales.merge(new SalesRows.SalesKey(today, product, line.getString(4)), Measures.sale(units, gross, 1),
                                Measures::plus);
                        categoryOrders.computeIfAbsent(new SalesRows.CategoryKey(today, categories.get(product)),
                                key -> new HashSet<>()).add(line.getLong(5));
                    });
            forEach(db, "SELECT oi.product_id, ri.quantity, ri.amount, o.country FROM refund r "
                    + "JOIN orders o ON o.id = r.order_id JOIN refund_item ri ON ri.refund_id = r.id "
                    + "JOIN order_item oi ON oi.id = ri.order_item_id "
                    + "WHERE o.status <> 'canceled' AND r.refund_date >= ? AND r.refund_date < ?", bounds, refund ->
                    sales.merge(new SalesRows.SalesKey(today, refund.getLong(1), refund.getString(4)),
                            Measures.refund(refund.getLong(2), refund.getBigDecimal(3)), Measures::plus));
        }
        return sales;
    }

    /** The day's sales per country, and its orders: every order counts once, however many lines it has. */
    private Map<SalesRows.CountryKey, Measures> freshCountries(Connection db, Map<SalesRows.SalesKey, Measures> sales,
                                                               LocalDate first, LocalDate next) throws SQLException {
        Map<SalesRows.CountryKey, Measures> countries = new HashMap<>();
        sales.forEach((key, measures) -> countries.merge(new SalesRows.CountryKey(key.day(), key.country()),
                new Measures(measures.units(), measures.gross(), 0, measures.refundedUnits(), measures.refunds()),
                Measures::plus));
        forEach(db, "SELECT order_date, country FROM orders WHERE status <> 'canceled' AND order_date >= ? AND order_date < ?",
                List.of(UtcInstantConverter.toColumn(calendar.startOf(first)),
                        UtcInstantConverter.toColumn(calendar.startOf(next))),
                order -> countries.merge(new SalesRows.CountryKey(calendar.dayOf(order.getObject(1, LocalDateTime.class)
                        .toInstant(ZoneOffset.UTC)), order.getString(2)), Measures.sale(0, BigDecimal.ZERO, 1), Measures::plus));
        return countries;
    }

    /** The corrections a few thousand rows at a time (see Corrections). */
    private static <K> List<Map<K, Measures>> parts(Map<K, Measures> fix) {
        List<Map<K, Measures>> parts = new ArrayList<>();
        Map<K, Measures> part = new HashMap<>();
        for (Map.Entry<K, Measures> row : fix.entrySet()) {
            part.put(row.getKey(), row.getValue());
            if (part.size() == ROWS_PER_CORRECTION) {
                parts.add(part);
                part = new HashMap<>();
            }
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    private interface KeyOf<K> {
        K of(ResultSet row) throws SQLException;
    }

    private interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }

    /** The stored rows by key, a day's slots summed. */
    private static <K> Map<K, Measures> stored(Connection db, String sql, List<Object> values, KeyOf<K> key,
                                               int firstMeasure) throws SQLException {
        Map<K, Measures> stored = new HashMap<>();
        forEach(db, sql, values, row -> stored.merge(key.of(row), measures(row, firstMeasure), Measures::plus));
        return stored;
    }

    private static Map<SalesRows.SalesKey, Measures> storedDays(Connection db, LocalDate first, LocalDate next)
            throws SQLException {
        return stored(db, "SELECT sale_date, product_id, country, " + MEASURES + " FROM sales_daily WHERE sale_date >= ? "
                + "AND sale_date < ?", List.of(first, next),
                row -> new SalesRows.SalesKey(date(row, 1), row.getLong(2), row.getString(3)), 4);
    }

    private static Map<SalesRows.CategoryKey, Long> storedCategories(Connection db, LocalDate first, LocalDate next)
            throws SQLException {
        Map<SalesRows.CategoryKey, Long> stored = new HashMap<>();
        forEach(db, "SELECT sale_date, category_id, orders FROM category_daily WHERE sale_date >= ? AND sale_date < ?",
                List.of(first, next),
                row -> stored.merge(new SalesRows.CategoryKey(date(row, 1), row.getLong(2)), row.getLong(3), Long::sum));
        return stored;
    }

    private static void forEach(Connection db, String sql, List<Object> values, RowAction action) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    action.accept(rows);
                }
            }
        }
    }

    private static Measures measures(ResultSet row, int first) throws SQLException {
        return new Measures(row.getLong(first), row.getBigDecimal(first + 1), row.getLong(first + 2), row.getLong(first + 3),
                row.getBigDecimal(first + 4));
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private static <K> Map<K, Measures> differences(Map<K, Measures> fresh, Map<K, Measures> stored, String what,
                                                    Expected expected) {
        return differences(fresh, stored, Measures.NONE, Measures::minus, Measures::isZero, what, expected);
    }

    /**
     * What must be added to the stored rows to make them the fresh ones, the first few logged at the level the
     * repair's expectation gives; a stored row of zeros equals no row.
     */
    private static <K, V> Map<K, V> differences(Map<K, V> fresh, Map<K, V> stored, V none, BinaryOperator<V> minus,
                                                Predicate<V> isNone, String what, Expected expected) {
        Set<K> keys = new HashSet<>(fresh.keySet());
        keys.addAll(stored.keySet());
        Map<K, V> fix = new HashMap<>();
        for (K key : keys) {
            V delta = minus.apply(fresh.getOrDefault(key, none), stored.getOrDefault(key, none));
            if (!isNone.test(delta)) {
                if (fix.size() < LOGGED_DIFFERENCES) {
                    LOG.log(expected.logged(), () -> "Sales aggregate (" + what + ") " + key + " was " + stored.get(key)
                            + ", recomputed " + fresh.get(key));
                }
                fix.put(key, delta);
            }
        }
        return fix;
    }
}
