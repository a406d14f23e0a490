package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.database.UtcInstantConverter;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Recomputes one store month of the sales aggregates straight from the order lines and refunds. */
@Stateless
public class MonthlySales {

    public record MonthResult(long salesRows, long countryRows, long differences) {
    }

    record CategoryKey(LocalDate day, long category) {
    }

    record SalesKey(LocalDate day, long product, String country) {
    }

    record CountryKey(LocalDate day, String country) {
    }

    private static final Logger LOG = Logger.getLogger(MonthlySales.class.getName());
    private static final int BATCH = 1_000;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    StoreCalendar calendar;

    @Inject
    SalesAggregatesLock lock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MonthResult rebuild(YearMonth month, boolean compare) {
        lock.exclusive();
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        Instant from = calendar.startOf(first);
        Instant to = calendar.startOf(next);

        Map<CategoryKey, Set<Long>> categoryOrders = new HashMap<>();
        Map<SalesKey, Measures> sales = freshSales(from, to, categoryOrders);
        Map<CountryKey, Measures> countries = freshCountries(sales, from, to);
        Map<CategoryKey, Long> categories = new HashMap<>();
        categoryOrders.forEach((key, orders) -> categories.put(key, (long) orders.size()));
        long differences = compare ? differences(sales, storedSales(first, next))
                + differences(countries, storedCountries(first, next))
                + countDifferences(categories, storedCategories(first, next)) : 0;
        for (String table : List.of("sales_daily", "country_daily", "category_daily")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE sale_date >= ? AND sale_date < ?")
                    .setParameter(1, first).setParameter(2, next).executeUpdate();
        }
        write(sales, countries, categories);
        return new MonthResult(sales.size(), countries.size(), differences);
    }

    /** Batched JDBC on the transaction's connection, a thousand rows a batch: a month can hold hundreds of thousands. */
    private void write(Map<SalesKey, Measures> sales, Map<CountryKey, Measures> countries,
                       Map<CategoryKey, Long> categories) {
        String measures = "units, gross, orders, refunded_units, refunds) VALUES (?, ?, ?, ?, ?, ";
        try (Connection db = dataSource.getConnection();
             PreparedStatement salesInsert = db.prepareStatement("INSERT INTO sales_daily (sale_date, product_id, country, "
                     + measures + "?, ?, ?)");
             PreparedStatement countryInsert = db.prepareStatement("INSERT INTO country_daily (sale_date, country, "
                     + measures + "?, ?)");
             PreparedStatement categoryInsert = db.prepareStatement("INSERT INTO category_daily (sale_date, category_id, "
                     + "orders) VALUES (?, ?, ?)")) {
            int batched = 0;
            for (Map.Entry<SalesKey, Measures> row : sales.entrySet()) {
                add(salesInsert, row.getValue(), row.getKey().day(), row.getKey().product(), row.getKey().country());
                if (++batched % BATCH == 0) {
                    salesInsert.executeBatch();
                }
            }
            salesInsert.executeBatch();
            for (Map.Entry<CountryKey, Measures> row : countries.entrySet()) {
                add(countryInsert, row.getValue(), row.getKey().day(), row.getKey().country());
            }
            countryInsert.executeBatch();
            for (Map.Entry<CategoryKey, Long> row : categories.entrySet()) {
                categoryInsert.setObject(1, row.getKey().day());
                categoryInsert.setLong(2, row.getKey().category());
                categoryInsert.setLong(3, row.getValue());
                categoryInsert.addBatch();
            }
            categoryInsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the rebuilt sales aggregates", e);
        }
    }

    static void add(PreparedStatement insert, Measures measures, Object... key) throws SQLException {
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

    /** The sales of the order lines and refunds; also collects which orders bought from each category each day. */
    private Map<SalesKey, Measures> freshSales(Instant from, Instant to, Map<CategoryKey, Set<Long>> categoryOrders) {
        Map<SalesKey, Measures> sales = new HashMap<>();
        Map<Long, Long> categories = categories();
        forEachRow("SELECT o.order_date, o.country, i.product_id, i.quantity, i.price_at_time_of_order, o.id "
                + "FROM orders o JOIN order_item i ON i.order_id = o.id "
                + "WHERE o.status <> 'canceled' AND o.order_date >= ? AND o.order_date < ?", from, to, line -> {
                    long units = SqlValues.whole(line[3]);
                    BigDecimal gross = SqlValues.decimal(line[4]).multiply(BigDecimal.valueOf(units));
                    LocalDate day = calendar.dayOf(SqlValues.instant(line[0]));
                    sales.merge(new SalesKey(day, SqlValues.whole(line[2]), (String) line[1]), Measures.sale(units, gross, 1),
                            Measures::plus);
                    categoryOrders.computeIfAbsent(new CategoryKey(day, categories.get(SqlValues.whole(line[2]))),
                                    key -> new HashSet<>())
                            .add(SqlValues.whole(line[5]));
                });
        forEachRow("SELECT r.refund_date, o.country, oi.product_id, ri.quantity, ri.amount "
                + "FROM refund r JOIN orders o ON o.id = r.order_id JOIN refund_item ri ON ri.refund_id = r.id "
                + "JOIN order_item oi ON oi.id = ri.order_item_id "
                + "WHERE o.status <> 'canceled' AND r.refund_date >= ? AND r.refund_date < ?", from, to, refund ->
                sales.merge(new SalesKey(calendar.dayOf(SqlValues.instant(refund[0])), SqlValues.whole(refund[2]),
                                (String) refund[1]),
                        Measures.refund(SqlValues.whole(refund[3]), SqlValues.decimal(refund[4])), Measures::plus));
        return sales;
    }

    /**
     * Each product's category, read once rather than joined to every line (H2 then starts from the products and
     * reads every line for every day); no product moves while the exclusive lock is held.
     */
    @SuppressWarnings("unchecked")
    private Map<Long, Long> categories() {
        Map<Long, Long> categories = new HashMap<>();
        ((List<Object[]>) em.createNativeQuery("SELECT id, category_id FROM product").getResultList())
                .forEach(row -> categories.put(SqlValues.whole(row[0]), SqlValues.whole(row[1])));
        return categories;
    }

    /** The day's sales per country, and its orders: every order counts once, however many lines it has. */
    private Map<CountryKey, Measures> freshCountries(Map<SalesKey, Measures> sales, Instant from, Instant to) {
        Map<CountryKey, Measures> countries = new HashMap<>();
        sales.forEach((key, measures) -> countries.merge(new CountryKey(key.day(), key.country()),
                new Measures(measures.units(), measures.gross(), 0, measures.refundedUnits(), measures.refunds()),
                Measures::plus));
        forEachRow("SELECT order_date, country FROM orders WHERE status <> 'canceled' AND order_date >= ? "
                + "AND order_date < ?", from, to, order -> countries.merge(new CountryKey(calendar.dayOf(
                SqlValues.instant(order[0])), (String) order[1]), Measures.sale(0, BigDecimal.ZERO, 1), Measures::plus));
        return countries;
    }

    private Map<SalesKey, Measures> storedSales(LocalDate first, LocalDate next) {
        Map<SalesKey, Measures> stored = new HashMap<>();
        for (Object[] row : days("SELECT sale_date, product_id, country, units, gross, orders, refunded_units, refunds "
                + "FROM sales_daily WHERE sale_date >= ? AND sale_date < ?", first, next)) {
            stored.put(new SalesKey(SqlValues.date(row[0]), SqlValues.whole(row[1]), (String) row[2]), Measures.of(row, 3));
        }
        return stored;
    }

    private Map<CountryKey, Measures> storedCountries(LocalDate first, LocalDate next) {
        Map<CountryKey, Measures> stored = new HashMap<>();
        for (Object[] row : days("SELECT sale_date, country, units, gross, orders, refunded_units, refunds "
                + "FROM country_daily WHERE sale_date >= ? AND sale_date < ?", first, next)) {
            stored.put(new CountryKey(SqlValues.date(row[0]), (String) row[1]), Measures.of(row, 2));
        }
        return stored;
    }

    private Map<CategoryKey, Long> storedCategories(LocalDate first, LocalDate next) {
        Map<CategoryKey, Long> stored = new HashMap<>();
        for (Object[] row : days("SELECT sale_date, category_id, orders FROM category_daily WHERE sale_date >= ? "
                + "AND sale_date < ?", first, next)) {
            stored.put(new CategoryKey(SqlValues.date(row[0]), SqlValues.whole(row[1])), SqlValues.whole(row[2]));
        }
        return stored;
    }

    /**
     * Rows that differ, each logged (a difference means a bookkeeping bug to find); a stored row of zeros
     * (everything it counted was withdrawn) equals no row.
     */
    private static <K> long differences(Map<K, Measures> fresh, Map<K, Measures> stored) {
        return differences(fresh, stored, (a, b) -> Objects.requireNonNullElse(a, Measures.NONE)
                .sameAs(Objects.requireNonNullElse(b, Measures.NONE)));
    }

    private static <K> long countDifferences(Map<K, Long> fresh, Map<K, Long> stored) {
        return differences(fresh, stored, (a, b) -> Objects.requireNonNullElse(a, 0L).equals(Objects.requireNonNullElse(b, 0L)));
    }

    private static <K, V> long differences(Map<K, V> fresh, Map<K, V> stored, BiPredicate<V, V> same) {
        Set<K> keys = new HashSet<>(fresh.keySet());
        keys.addAll(stored.keySet());
        List<K> differing = keys.stream().filter(key -> !same.test(fresh.get(key), stored.get(key))).toList();
        differing.stream().limit(20).forEach(key -> LOG.warning(() -> "Sales aggregate " + key + " was "
                + stored.get(key) + ", recomputed " + fresh.get(key)));
        return differing.size();
    }

    /** Each row of the store days from one instant to the other, read a day at a time: a month may not fit in memory. */
    @SuppressWarnings("unchecked")
    private void forEachRow(String sql, Instant from, Instant to, Consumer<Object[]> action) {
        for (LocalDate day = calendar.dayOf(from); calendar.startOf(day).isBefore(to); day = day.plusDays(1)) {
            ((List<Object[]>) em.createNativeQuery(sql)
                    .setParameter(1, UtcInstantConverter.toColumn(calendar.startOf(day)))
                    .setParameter(2, UtcInstantConverter.toColumn(calendar.startOf(day.plusDays(1))))
                    .getResultList()).forEach(action);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> days(String sql, LocalDate first, LocalDate next) {
        return em.createNativeQuery(sql).setParameter(1, first).setParameter(2, next).getResultList();
    }
}
