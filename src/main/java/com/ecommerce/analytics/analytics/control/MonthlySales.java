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

/** Recomputes one store month of the daily aggregates straight from the order lines and refunds. */
@Stateless
public class MonthlySales {

    public record MonthResult(long salesRows, long orderRows, long differences) {
    }

    record SalesKey(LocalDate day, long product, String country) {
    }

    record OrdersKey(LocalDate day, String country) {
    }

    /** The measures of one aggregate row; equal rows compare equal whatever the decimal scale. */
    record Measures(long units, BigDecimal gross, long orders, long refundedUnits, BigDecimal refunds) {
        static final Measures NONE = new Measures(0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO);

        Measures plus(Measures other) {
            return new Measures(units + other.units, gross.add(other.gross), orders + other.orders,
                    refundedUnits + other.refundedUnits, refunds.add(other.refunds));
        }

        boolean sameAs(Measures other) {
            return units == other.units && gross.compareTo(other.gross) == 0 && orders == other.orders
                    && refundedUnits == other.refundedUnits && refunds.compareTo(other.refunds) == 0;
        }
    }

    private static final Logger LOG = Logger.getLogger(MonthlySales.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    StoreCalendar calendar;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MonthResult rebuild(YearMonth month, boolean compare) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        Instant from = calendar.startOf(first);
        Instant to = calendar.startOf(next);

        Map<SalesKey, Measures> sales = freshSales(from, to);
        Map<OrdersKey, Measures> orders = freshOrders(from, to);
        long differences = compare
                ? differences(sales, storedSales(first, next)) + differences(orders, storedOrders(first, next)) : 0;

        em.createNativeQuery("DELETE FROM sales_daily WHERE sale_date >= ? AND sale_date < ?")
                .setParameter(1, first).setParameter(2, next).executeUpdate();
        em.createNativeQuery("DELETE FROM orders_daily WHERE sale_date >= ? AND sale_date < ?")
                .setParameter(1, first).setParameter(2, next).executeUpdate();
        write(sales, orders);
        return new MonthResult(sales.size(), orders.size(), differences);
    }

    /** Batched JDBC on the transaction's connection: a month can hold tens of thousands of rows. */
    private void write(Map<SalesKey, Measures> sales, Map<OrdersKey, Measures> orders) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement salesInsert = db.prepareStatement("INSERT INTO sales_daily (sale_date, product_id, country, "
                     + "units, gross, orders, refunded_units, refunds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement ordersInsert = db.prepareStatement("INSERT INTO orders_daily (sale_date, country, orders, "
                     + "gross) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<SalesKey, Measures> row : sales.entrySet()) {
                SalesKey key = row.getKey();
                Measures m = row.getValue();
                salesInsert.setObject(1, key.day());
                salesInsert.setLong(2, key.product());
                salesInsert.setString(3, key.country());
                salesInsert.setLong(4, m.units());
                salesInsert.setBigDecimal(5, m.gross());
                salesInsert.setLong(6, m.orders());
                salesInsert.setLong(7, m.refundedUnits());
                salesInsert.setBigDecimal(8, m.refunds());
                salesInsert.addBatch();
            }
            salesInsert.executeBatch();
            for (Map.Entry<OrdersKey, Measures> row : orders.entrySet()) {
                ordersInsert.setObject(1, row.getKey().day());
                ordersInsert.setString(2, row.getKey().country());
                ordersInsert.setLong(3, row.getValue().orders());
                ordersInsert.setBigDecimal(4, row.getValue().gross());
                ordersInsert.addBatch();
            }
            ordersInsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the rebuilt sales aggregates", e);
        }
    }

    private Map<SalesKey, Measures> freshSales(Instant from, Instant to) {
        Map<SalesKey, Measures> sales = new HashMap<>();
        for (Object[] line : rows("SELECT o.order_date, o.country, i.product_id, i.quantity, i.price_at_time_of_order "
                + "FROM orders o JOIN order_item i ON i.order_id = o.id "
                + "WHERE o.status <> 'canceled' AND o.order_date >= ? AND o.order_date < ?", from, to)) {
            long units = SqlValues.whole(line[3]);
            BigDecimal gross = SqlValues.decimal(line[4]).multiply(BigDecimal.valueOf(units));
            sales.merge(new SalesKey(calendar.dayOf(SqlValues.instant(line[0])), SqlValues.whole(line[2]), (String) line[1]),
                    new Measures(units, gross, 1, 0, BigDecimal.ZERO), Measures::plus);
        }
        for (Object[] refund : rows("SELECT r.refund_date, o.country, oi.product_id, ri.quantity, ri.amount "
                + "FROM refund r JOIN orders o ON o.id = r.order_id JOIN refund_item ri ON ri.refund_id = r.id "
                + "JOIN order_item oi ON oi.id = ri.order_item_id "
                + "WHERE o.status <> 'canceled' AND r.refund_date >= ? AND r.refund_date < ?", from, to)) {
            sales.merge(new SalesKey(calendar.dayOf(SqlValues.instant(refund[0])), SqlValues.whole(refund[2]),
                            (String) refund[1]),
                    new Measures(0, BigDecimal.ZERO, 0, SqlValues.whole(refund[3]), SqlValues.decimal(refund[4])),
                    Measures::plus);
        }
        return sales;
    }

    private Map<OrdersKey, Measures> freshOrders(Instant from, Instant to) {
        Map<OrdersKey, Measures> orders = new HashMap<>();
        for (Object[] order : rows("SELECT order_date, country, total_amount FROM orders "
                + "WHERE status <> 'canceled' AND order_date >= ? AND order_date < ?", from, to)) {
            orders.merge(new OrdersKey(calendar.dayOf(SqlValues.instant(order[0])), (String) order[1]),
                    new Measures(0, SqlValues.decimal(order[2]), 1, 0, BigDecimal.ZERO), Measures::plus);
        }
        return orders;
    }

    private Map<SalesKey, Measures> storedSales(LocalDate first, LocalDate next) {
        Map<SalesKey, Measures> stored = new HashMap<>();
        for (Object[] row : days("SELECT sale_date, product_id, country, units, gross, orders, refunded_units, refunds "
                + "FROM sales_daily WHERE sale_date >= ? AND sale_date < ?", first, next)) {
            stored.put(new SalesKey(SqlValues.date(row[0]), SqlValues.whole(row[1]), (String) row[2]),
                    new Measures(SqlValues.whole(row[3]), SqlValues.decimal(row[4]), SqlValues.whole(row[5]),
                            SqlValues.whole(row[6]), SqlValues.decimal(row[7])));
        }
        return stored;
    }

    private Map<OrdersKey, Measures> storedOrders(LocalDate first, LocalDate next) {
        Map<OrdersKey, Measures> stored = new HashMap<>();
        for (Object[] row : days("SELECT sale_date, country, orders, gross FROM orders_daily "
                + "WHERE sale_date >= ? AND sale_date < ?", first, next)) {
            stored.put(new OrdersKey(SqlValues.date(row[0]), (String) row[1]),
                    new Measures(0, SqlValues.decimal(row[3]), SqlValues.whole(row[2]), 0, BigDecimal.ZERO));
        }
        return stored;
    }

    /**
     * Rows that differ, each logged (a difference means a bookkeeping bug to find); a stored row of zeros
     * (everything it counted was withdrawn) equals no row.
     */
    private static <K> long differences(Map<K, Measures> fresh, Map<K, Measures> stored) {
        Set<K> keys = new HashSet<>(fresh.keySet());
        keys.addAll(stored.keySet());
        List<K> differing = keys.stream().filter(key -> !Objects.requireNonNullElse(fresh.get(key), Measures.NONE)
                .sameAs(Objects.requireNonNullElse(stored.get(key), Measures.NONE))).toList();
        differing.stream().limit(20).forEach(key -> LOG.warning(() -> "Sales aggregate " + key + " was "
                + stored.get(key) + ", recomputed " + fresh.get(key)));
        return differing.size();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Instant from, Instant to) {
        return em.createNativeQuery(sql)
                .setParameter(1, UtcInstantConverter.toColumn(from))
                .setParameter(2, UtcInstantConverter.toColumn(to))
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> days(String sql, LocalDate first, LocalDate next) {
        return em.createNativeQuery(sql).setParameter(1, first).setParameter(2, next).getResultList();
    }
}
