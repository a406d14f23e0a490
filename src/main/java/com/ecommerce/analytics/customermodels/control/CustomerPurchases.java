package com.ecommerce.analytics.customermodels.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.customermodels.model.Purchase;
import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Customers' orders as purchases: orders not canceled, on their day in the store's calendar, worth their total less
 * what was refunded of them. Read in customer order from the (customer, order date) index, one customer at a time,
 * so that a million orders are never all in memory.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerPurchases {

    private static final String ORDERS = "SELECT o.customer_id, o.id, o.order_date, o.total_amount FROM orders o "
            + "WHERE o.status <> 'canceled'";

    private static final int CUSTOMERS_A_READ = 10_000;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /** Hands each customer's purchases, in date order, to the consumer, customer after customer. */
    public void eachCustomer(ZoneId zone, BiConsumer<Long, List<Purchase>> consumer) {
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, BigDecimal> refunded = refunded(connection);
            long[] ids = customerIds(connection);
            // Some thousands of customers a statement: each a short read, between which a background fit gives way.
            try (PreparedStatement select = connection.prepareStatement(ORDERS + " AND o.customer_id > ? "
                    + "AND o.customer_id <= ? ORDER BY o.customer_id, o.order_date")) {
                select.setFetchSize(10_000);
                for (long after = ids[0] - 1; after < ids[1]; after += CUSTOMERS_A_READ) {
                    select.setLong(1, after);
                    select.setLong(2, after + CUSTOMERS_A_READ);
                    try (ResultSet rows = select.executeQuery()) {
                        long current = -1;
                        List<Purchase> purchases = new ArrayList<>();
                        while (rows.next()) {
                            BackgroundWork.giveWayToRequests();
                            long customer = rows.getLong(1);
                            if (customer != current && !purchases.isEmpty()) {
                                consumer.accept(current, purchases);
                                purchases = new ArrayList<>();
                            }
                            current = customer;
                            purchases.add(purchase(rows, zone, refunded.get(rows.getLong(2))));
                        }
                        if (!purchases.isEmpty()) {
                            consumer.accept(current, purchases);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the customers' orders", e);
        }
    }

    /** The lowest and highest customer id with an order (1 and 0 when there is none). */
    private static long[] customerIds(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MIN(customer_id), MAX(customer_id) FROM orders");
             ResultSet range = select.executeQuery()) {
            range.next();
            return range.getObject(1) == null ? new long[] {1, 0} : new long[] {range.getLong(1), range.getLong(2)};
        }
    }

    /** One customer's purchases, in date order: one indexed read, each order with what was refunded of it. */
    public List<Purchase> of(long customer, ZoneId zone) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT o.customer_id, o.id, o.order_date, "
                     + "o.total_amount, (SELECT SUM(r.amount) FROM refund r WHERE r.order_id = o.id) FROM orders o "
                     + "WHERE o.status <> 'canceled' AND o.customer_id = ? ORDER BY o.order_date")) {
            select.setLong(1, customer);
            List<Purchase> purchases = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    purchases.add(purchase(rows, zone, rows.getBigDecimal(5)));
                }
            }
            return purchases;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read customer " + customer + "'s orders", e);
        }
    }

    /** An order as a purchase on its day, worth its total less what was refunded of it (null: nothing). */
    private static Purchase purchase(ResultSet row, ZoneId zone, BigDecimal refunded) throws SQLException {
        LocalDate day = SqlValues.instant(row.getTimestamp(3)).atZone(zone).toLocalDate();
        BigDecimal value = row.getBigDecimal(4).subtract(refunded == null ? BigDecimal.ZERO : refunded);
        return new Purchase(day, value.max(BigDecimal.ZERO));
    }

    private static Map<Long, BigDecimal> refunded(Connection connection) throws SQLException {
        Map<Long, BigDecimal> refunded = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT order_id, SUM(amount) FROM refund GROUP BY order_id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                refunded.put(rows.getLong(1), rows.getBigDecimal(2));
            }
        }
        return refunded;
    }
}
