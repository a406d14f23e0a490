package com.ecommerce.analytics.analytics.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.platform.database.InList;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;

/**
 * The only writer of customer_stats: a customer's orders, spend and first and last order, always recomputed
 * from their orders and refunds (a canceled order and its refunds do not count), never added to, so a
 * recomputation is right whatever the row held. Rows are written in customer order, so that writers of
 * overlapping customers take their row locks in the same order.
 */
public final class CustomerStatsRows {

    public record CustomerStats(long customer, long orders, BigDecimal gross, BigDecimal refunds, Instant firstOrder,
                                Instant lastOrder) {

        static CustomerStats none(long customer) {
            return new CustomerStats(customer, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null);
        }

        public BigDecimal spend() {
            return gross.subtract(refunds);
        }

        public boolean sameAs(CustomerStats other) {
            return orders == other.orders && gross.compareTo(other.gross) == 0 && refunds.compareTo(other.refunds) == 0
                    && Objects.equals(firstOrder, other.firstOrder) && Objects.equals(lastOrder, other.lastOrder);
        }
    }

    private static final int BATCH = 1_000;

    private final Connection db;

    public CustomerStatsRows(Connection db) {
        this.db = db;
    }

    /** A row of zeros for each customer that has none; the rows are locked until the caller commits either way. */
    public void createMissing(Collection<Long> customers) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO customer_stats (customer_id) VALUES (?) "
                + "ON DUPLICATE KEY UPDATE orders = orders")) {
            int batched = 0;
            for (long customer : new TreeSet<>(customers)) {
                insert.setLong(1, customer);
                insert.addBatch();
                if (++batched % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Rows of zeros for the customers with ids from first up to (not including) next that have none. */
    public void createMissingBetween(long first, long next) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO customer_stats (customer_id) SELECT c.id "
                + "FROM customer c WHERE c.id >= ? AND c.id < ? AND NOT EXISTS (SELECT 1 FROM customer_stats s "
                + "WHERE s.customer_id = c.id)")) {
            insert.setLong(1, first);
            insert.setLong(2, next);
            insert.executeUpdate();
        }
    }

    /** The stored rows of the customers from first up to (not including) next, locked until the caller commits. */
    public Map<Long, CustomerStats> lockedBetween(long first, long next) throws SQLException {
        Map<Long, CustomerStats> stored = new TreeMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT customer_id, orders, gross, refunds, first_order_date, "
                + "last_order_date FROM customer_stats WHERE customer_id >= ? AND customer_id < ? ORDER BY customer_id "
                + "FOR UPDATE")) {
            query.setLong(1, first);
            query.setLong(2, next);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getLong(1), new CustomerStats(rows.getLong(1), rows.getLong(2), decimal(rows, 3),
                            decimal(rows, 4), instant(rows, 5), instant(rows, 6)));
                }
            }
        }
        return stored;
    }

    /** What the customers' orders and refunds give now, in customer order (zeros for a customer without orders). */
    public Map<Long, CustomerStats> recomputed(Collection<Long> customers) throws SQLException {
        Map<Long, CustomerStats> stats = new TreeMap<>();
        customers.forEach(customer -> stats.put(customer, CustomerStats.none(customer)));
        List<Long> ids = List.copyOf(stats.keySet());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String in = InList.of(slice.size());
            try (PreparedStatement query = db.prepareStatement("SELECT customer_id, COUNT(*), SUM(total_amount), "
                    + "MIN(order_date), MAX(order_date) FROM orders WHERE status <> 'canceled' AND customer_id IN " + in
                    + " GROUP BY customer_id")) {
                InList.bind(query, 1, slice);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stats.put(rows.getLong(1), new CustomerStats(rows.getLong(1), rows.getLong(2), decimal(rows, 3),
                                BigDecimal.ZERO, instant(rows, 4), instant(rows, 5)));
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement("SELECT o.customer_id, SUM(r.amount) FROM refund r "
                    + "JOIN orders o ON o.id = r.order_id WHERE o.status <> 'canceled' AND o.customer_id IN " + in
                    + " GROUP BY o.customer_id")) {
                InList.bind(query, 1, slice);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        CustomerStats placed = stats.get(rows.getLong(1));
                        stats.put(placed.customer(), new CustomerStats(placed.customer(), placed.orders(), placed.gross(),
                                decimal(rows, 2), placed.firstOrder(), placed.lastOrder()));
                    }
                }
            }
        }
        return stats;
    }

    public void write(Collection<CustomerStats> stats) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE customer_stats SET orders = ?, gross = ?, refunds = ?, "
                + "spend = ?, first_order_date = ?, last_order_date = ? WHERE customer_id = ?")) {
            int batched = 0;
            for (CustomerStats customer : stats) {
                update.setLong(1, customer.orders());
                update.setBigDecimal(2, customer.gross());
                update.setBigDecimal(3, customer.refunds());
                update.setBigDecimal(4, customer.spend());
                update.setObject(5, UtcInstantConverter.toColumn(customer.firstOrder()));
                update.setObject(6, UtcInstantConverter.toColumn(customer.lastOrder()));
                update.setLong(7, customer.customer());
                update.addBatch();
                if (++batched % BATCH == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static BigDecimal decimal(ResultSet rows, int column) throws SQLException {
        return SqlValues.decimal(rows.getBigDecimal(column));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return SqlValues.instant(rows.getObject(column));
    }
}
