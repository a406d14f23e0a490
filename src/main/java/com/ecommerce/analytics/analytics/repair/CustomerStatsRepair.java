package com.ecommerce.analytics.analytics.repair;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.analytics.ledger.SalesLedger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Brings customer_stats in line with the orders, a range of customers per transaction: their stats rows are
 * locked first, as SalesLedger locks one before recomputing it, so an order of one of them waits a moment
 * and is then counted by its own recomputation; other customers' orders do not wait at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CustomerStatsRepair {

    static final int CUSTOMERS_PER_TRANSACTION = 1_000;
    /** A difference means a bookkeeping bug to find; a few examples tell more than thousands of lines. */
    private static final int LOGGED_PER_TRANSACTION = 5;

    private record Stats(long orders, BigDecimal gross, BigDecimal refunds, Object first, Object last) {
        boolean sameAs(Stats other) {
            return orders == other.orders && gross.compareTo(other.gross) == 0 && refunds.compareTo(other.refunds) == 0
                    && Objects.equals(SqlValues.instant(first), SqlValues.instant(other.first))
                    && Objects.equals(SqlValues.instant(last), SqlValues.instant(other.last));
        }
    }

    private static final Logger LOG = Logger.getLogger(CustomerStatsRepair.class.getName());

    @PersistenceContext
    EntityManager em;

    /** The highest customer id, or 0. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long lastCustomer() {
        return SqlValues.whole(em.createNativeQuery("SELECT MAX(id) FROM customer").getSingleResult());
    }

    /** Customers with ids from first up to (not including) next; answers how many rows disagreed. */
    @SuppressWarnings("unchecked")
    public long repair(long first, long next) {
        em.createNativeQuery("INSERT INTO customer_stats (customer_id) SELECT c.id FROM customer c WHERE c.id >= ? "
                        + "AND c.id < ? AND NOT EXISTS (SELECT 1 FROM customer_stats s WHERE s.customer_id = c.id)")
                .setParameter(1, first).setParameter(2, next).executeUpdate();
        Map<Long, Stats> stored = new HashMap<>();
        for (Object[] row : (List<Object[]>) range("SELECT customer_id, orders, gross, refunds, first_order_date, "
                + "last_order_date FROM customer_stats WHERE customer_id >= ? AND customer_id < ? ORDER BY customer_id "
                + "FOR UPDATE", first, next)) {
            stored.put(SqlValues.whole(row[0]), new Stats(SqlValues.whole(row[1]), SqlValues.decimal(row[2]),
                    SqlValues.decimal(row[3]), row[4], row[5]));
        }
        Map<Long, Object[]> orders = new HashMap<>();
        ((List<Object[]>) range("SELECT customer_id, COUNT(*), SUM(total_amount), MIN(order_date), MAX(order_date) "
                + "FROM orders WHERE status <> 'canceled' AND customer_id >= ? AND customer_id < ? GROUP BY customer_id",
                first, next)).forEach(row -> orders.put(SqlValues.whole(row[0]), row));
        Map<Long, BigDecimal> refunds = new HashMap<>();
        ((List<Object[]>) range("SELECT o.customer_id, SUM(r.amount) FROM refund r JOIN orders o ON o.id = r.order_id "
                + "WHERE o.status <> 'canceled' AND o.customer_id >= ? AND o.customer_id < ? GROUP BY o.customer_id",
                first, next)).forEach(row -> refunds.put(SqlValues.whole(row[0]), SqlValues.decimal(row[1])));
        long differences = 0;
        for (Map.Entry<Long, Stats> customer : stored.entrySet()) {
            Object[] placed = orders.get(customer.getKey());
            Stats fresh = placed == null
                    ? new Stats(0, BigDecimal.ZERO, refunds.getOrDefault(customer.getKey(), BigDecimal.ZERO), null, null)
                    : new Stats(SqlValues.whole(placed[1]), SqlValues.decimal(placed[2]),
                    refunds.getOrDefault(customer.getKey(), BigDecimal.ZERO), placed[3], placed[4]);
            if (!fresh.sameAs(customer.getValue())) {
                if (differences++ < LOGGED_PER_TRANSACTION) {
                    LOG.warning(() -> "Customer stats of " + customer.getKey() + " were " + customer.getValue()
                            + ", recomputed " + fresh);
                }
                em.createNativeQuery("UPDATE customer_stats SET orders = ?, gross = ?, refunds = ?, spend = ?, "
                                + "first_order_date = ?, last_order_date = ? WHERE customer_id = ?")
                        .setParameter(1, fresh.orders()).setParameter(2, fresh.gross()).setParameter(3, fresh.refunds())
                        .setParameter(4, fresh.gross().subtract(fresh.refunds())).setParameter(5, fresh.first())
                        .setParameter(6, fresh.last()).setParameter(7, customer.getKey()).executeUpdate();
            }
        }
        return differences;
    }

    private List<?> range(String sql, long first, long next) {
        return em.createNativeQuery(sql).setParameter(1, first).setParameter(2, next).getResultList();
    }
}
