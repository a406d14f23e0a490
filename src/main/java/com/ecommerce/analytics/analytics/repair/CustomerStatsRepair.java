package com.ecommerce.analytics.analytics.repair;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.analytics.ledger.CustomerStatsRows;
import com.ecommerce.analytics.analytics.ledger.CustomerStatsRows.CustomerStats;

import jakarta.annotation.Resource;
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

    private static final Logger LOG = Logger.getLogger(CustomerStatsRepair.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /** The highest customer id, or 0. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long lastCustomer() {
        return SqlValues.whole(em.createNativeQuery("SELECT MAX(id) FROM customer").getSingleResult());
    }

    /** Customers with ids from first up to (not including) next; answers how many rows disagreed. */
    public long repair(long first, long next, AggregateRepair.Expected expected) {
        try (Connection db = dataSource.getConnection()) {
            CustomerStatsRows rows = new CustomerStatsRows(db);
            rows.createMissingBetween(first, next);
            Map<Long, CustomerStats> stored = rows.lockedBetween(first, next);
            List<CustomerStats> differing = rows.recomputed(stored.keySet()).values().stream()
                    .filter(fresh -> !fresh.sameAs(stored.get(fresh.customer()))).toList();
            differing.stream().limit(LOGGED_PER_TRANSACTION).forEach(fresh -> LOG.log(expected.logged(),
                    () -> "Customer stats of " + fresh.customer() + " were " + stored.get(fresh.customer())
                            + ", recomputed " + fresh));
            rows.write(differing);
            return differing.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot repair the stats of customers " + first + " to " + next, e);
        }
    }
}
