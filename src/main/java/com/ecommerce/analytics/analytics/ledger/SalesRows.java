package com.ecommerce.analytics.analytics.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.control.PeriodCover;

/**
 * The write side of the sales aggregates, the only place that changes their rows: adds changes to the daily
 * rows by product and country (and to their month and year rollups, per country and over all countries), by
 * country and by category (to one slot of the day's row), creating rows where a day has none. Every change is a row-level upsert in the
 * caller's transaction, in key order so that concurrent writers take row locks in the same order; nothing
 * here locks more than the rows it adds to. A change of a settled period's product rows (daily or rollup) is also
 * counted (SettledMonths), so that readers keeping those sales in memory read them again; the country and
 * category rows are always read from the database and are not counted.
 */
public final class SalesRows {

    public static final String ALL_COUNTRIES = "**";

    public record SalesKey(LocalDate day, long product, String country) {
    }

    public record CountryKey(LocalDate day, String country) {
    }

    public record CategoryKey(LocalDate day, long category) {
    }

    public record RollupKey(String grain, String country, LocalDate start, long product) {
    }

    static final Comparator<SalesKey> SALES_ORDER = Comparator.comparing(SalesKey::day).thenComparingLong(SalesKey::product)
            .thenComparing(SalesKey::country);
    static final Comparator<CountryKey> COUNTRY_ORDER = Comparator.comparing(CountryKey::day)
            .thenComparing(CountryKey::country);
    static final Comparator<CategoryKey> CATEGORY_ORDER = Comparator.comparing(CategoryKey::day)
            .thenComparingLong(CategoryKey::category);
    static final Comparator<RollupKey> ROLLUP_ORDER = Comparator.comparing(RollupKey::grain).thenComparing(RollupKey::country)
            .thenComparing(RollupKey::start).thenComparingLong(RollupKey::product);

    private static final int BATCH = 1_000;
    private static final String ADD_MEASURES = " ON DUPLICATE KEY UPDATE units = units + VALUES(units), "
            + "gross = gross + VALUES(gross), orders = orders + VALUES(orders), "
            + "refunded_units = refunded_units + VALUES(refunded_units), refunds = refunds + VALUES(refunds)";
    private static final String SALES = "INSERT INTO sales_daily (sale_date, product_id, country, units, gross, orders, "
            + "refunded_units, refunds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)" + ADD_MEASURES;
    private static final String ROLLUP = "INSERT INTO sales_rollup (grain, country, period_start, product_id, units, gross, "
            + "orders, refunded_units, refunds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" + ADD_MEASURES;
    private static final String COUNTRY = "INSERT INTO country_daily (sale_date, country, slot, units, gross, orders, "
            + "refunded_units, refunds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)" + ADD_MEASURES;
    private static final String CATEGORY = "INSERT INTO category_daily (sale_date, category_id, slot, orders) "
            + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE orders = orders + VALUES(orders)";
    /** Slots of a country's or a category's day (see migration V12): concurrent orders rarely share one. */
    private static final int SLOTS = 8;

    private final Connection db;
    private final int slot;

    public SalesRows(Connection db) {
        this.db = db;
        this.slot = ThreadLocalRandom.current().nextInt(SLOTS);
    }

    /** Daily product rows, then the four rollup rows each of them belongs to. */
    public void addSales(Map<SalesKey, Measures> changes) throws SQLException {
        addRollups(addDays(changes));
    }

    /** Daily product rows alone; answers the month and year rows they belong to, for the caller to add now or later. */
    public Map<RollupKey, Measures> addDays(Map<SalesKey, Measures> changes) throws SQLException {
        Map<RollupKey, Measures> rollups = new TreeMap<>(ROLLUP_ORDER);
        try (PreparedStatement upsert = db.prepareStatement(SALES)) {
            int batched = 0;
            for (Map.Entry<SalesKey, Measures> row : sorted(changes, SALES_ORDER).entrySet()) {
                SalesKey key = row.getKey();
                bind(upsert, row.getValue(), key.day(), key.product(), key.country());
                if (++batched % BATCH == 0) {
                    upsert.executeBatch();
                }
                rollUp(rollups, key, row.getValue());
            }
            upsert.executeBatch();
        }
        countSettled(changes.keySet(), key -> day(key.day()));
        return rollups;
    }

    public void addRollups(Map<RollupKey, Measures> changes) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(ROLLUP)) {
            int batched = 0;
            for (Map.Entry<RollupKey, Measures> row : sorted(changes, ROLLUP_ORDER).entrySet()) {
                RollupKey key = row.getKey();
                bind(upsert, row.getValue(), key.grain(), key.country(), key.start(), key.product());
                if (++batched % BATCH == 0) {
                    upsert.executeBatch();
                }
            }
            upsert.executeBatch();
        }
        countSettled(changes.keySet(), key -> new PeriodCover.Period(PeriodCover.Grain.of(key.grain()), key.start()));
    }

    public void addCountries(Map<CountryKey, Measures> changes) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(COUNTRY)) {
            for (Map.Entry<CountryKey, Measures> row : sorted(changes, COUNTRY_ORDER).entrySet()) {
                bind(upsert, row.getValue(), row.getKey().day(), row.getKey().country(), slot);
            }
            upsert.executeBatch();
        }
    }

    public void addCategories(Map<CategoryKey, Long> changes) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(CATEGORY)) {
            for (Map.Entry<CategoryKey, Long> row : sorted(changes, CATEGORY_ORDER).entrySet()) {
                if (row.getValue() != 0) {
                    upsert.setObject(1, row.getKey().day());
                    upsert.setLong(2, row.getKey().category());
                    upsert.setInt(3, slot);
                    upsert.setLong(4, row.getValue());
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
        }
    }

    /** A product counting in another category now: a change of every period's category sales that no row shows. */
    public void countMove() throws SQLException {
        SettledMonths.countMove(db, slot);
    }

    /** Counts a change of the settled periods among the rows just written (see SettledMonths). */
    private <K> void countSettled(Collection<K> keys, Function<K, PeriodCover.Period> period) throws SQLException {
        SettledMonths.count(db, slot, keys.stream().map(period).collect(Collectors.toSet()));
    }

    private static PeriodCover.Period day(LocalDate day) {
        return new PeriodCover.Period(PeriodCover.Grain.DAY, day);
    }

    /** The month and year rows of a daily change, in its country and over all countries. */
    static void rollUp(Map<RollupKey, Measures> rollups, SalesKey key, Measures change) {
        rollUp(rollups, key, change, PeriodCover.Grain.MONTH);
        rollUp(rollups, key, change, PeriodCover.Grain.YEAR);
    }

    /** The rows of one grain that a daily change belongs to: in its country and over all countries. */
    public static void rollUp(Map<RollupKey, Measures> rollups, SalesKey key, Measures change, PeriodCover.Grain grain) {
        LocalDate start = grain.start(key.day());
        for (String country : new String[] {key.country(), ALL_COUNTRIES}) {
            rollups.merge(new RollupKey(grain.code(), country, start, key.product()), change, Measures::plus);
        }
    }

    private static <K, V> Map<K, V> sorted(Map<K, V> changes, Comparator<K> order) {
        if (changes instanceof TreeMap<K, V> tree && tree.comparator() == order) {
            return tree;
        }
        Map<K, V> sorted = new TreeMap<>(order);
        sorted.putAll(changes);
        return sorted;
    }

    private static void bind(PreparedStatement insert, Measures measures, Object... key) throws SQLException {
        int column = 1;
        for (Object value : key) {
            insert.setObject(column++, value);
        }
        insert.setLong(column++, measures.units());
        insert.setBigDecimal(column++, measures.gross());
        insert.setLong(column++, measures.orders());
        insert.setLong(column++, measures.refundedUnits());
        insert.setBigDecimal(column, measures.refunds());
        insert.addBatch();
    }
}
