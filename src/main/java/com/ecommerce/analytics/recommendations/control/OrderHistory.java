package com.ecommerce.analytics.recommendations.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The order lines a model learns from, read in slices of order ids so that millions of lines never sit in
 * one result set (Liberty's JDBC wrapper refuses MySQL's row-by-row streaming).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderHistory {

    /** About 30,000 lines a statement: a fraction of a second of the database each, between which a build gives way. */
    private static final int ORDERS_PER_SLICE = 10_000;
    private static final String LINES = "SELECT o.customer_id, c.country, i.product_id, p.category_id, i.quantity, o.order_date "
            + "FROM orders o JOIN customer c ON c.id = o.customer_id JOIN order_item i ON i.order_id = o.id "
            + "JOIN product p ON p.id = i.product_id "
            + "WHERE o.id > ? AND o.id <= ? AND o.status <> 'canceled' AND o.order_date >= ? AND o.order_date < ?";

    interface LineSink {
        void add(long customer, String country, long product, long category, int quantity, Instant orderDate);
    }

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /** Every line of an order not canceled, placed in [from, to). */
    public void linesBetween(Instant from, Instant to, LineSink sink) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement bounds = db.prepareStatement("SELECT MIN(id), MAX(id) FROM orders");
             PreparedStatement slice = db.prepareStatement(LINES)) {
            long first;
            long last;
            try (ResultSet range = bounds.executeQuery()) {
                range.next();
                first = range.getLong(1) - 1;
                last = range.getLong(2);
            }
            slice.setObject(3, utc(from));
            slice.setObject(4, utc(to));
            for (long after = first; after < last; after += ORDERS_PER_SLICE) {
                slice.setLong(1, after);
                slice.setLong(2, after + ORDERS_PER_SLICE);
                try (ResultSet lines = slice.executeQuery()) {
                    while (lines.next()) {
                        BackgroundWork.giveWayToRequests();
                        sink.add(lines.getLong(1), lines.getString(2), lines.getLong(3), lines.getLong(4), lines.getInt(5),
                                lines.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the order history", e);
        }
    }

    /** Per customer, the products bought in [from, to). */
    public Map<Long, Set<Long>> productsBoughtBetween(Instant from, Instant to) {
        Map<Long, Set<Long>> bought = new HashMap<>();
        linesBetween(from, to, (customer, country, product, category, quantity, date) ->
                bought.computeIfAbsent(customer, c -> new HashSet<>()).add(product));
        return bought;
    }

    public Map<Long, String> countries() {
        Map<Long, String> countries = new HashMap<>();
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT id, country FROM customer");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                countries.put(rows.getLong(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the customers' countries", e);
        }
        return countries;
    }

    /** The last order's time, or null in a store without orders. */
    public Instant lastOrderDate() {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT MAX(order_date) FROM orders");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            LocalDateTime last = rows.getObject(1, LocalDateTime.class);
            return last == null ? null : last.toInstant(ZoneOffset.UTC);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the last order date", e);
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
