package com.ecommerce.analytics.analytics.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.database.InList;
import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.control.StoreCalendar;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Counts a batch of orders and refunds written at once (an import of past sales) into the sales
 * aggregates, inside the caller's transaction, with a few batched statements. Like SalesLedger it only adds
 * to the rows of the batch's days, months and years, so a batch of old history costs what a recent one does;
 * the month and year rows come later, for many batches at once (DeferredRollups).
 */
@Stateless
public class BulkSalesLedger {

    private static final int BATCH = 1_000;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    StoreCalendar calendar;

    public SalesBatch begin() {
        return new SalesBatch(calendar::dayOf);
    }

    /**
     * The batch's days, countries, categories and customers; its month and year rows are owed (see DeferredRollups):
     * their periods are marked pending here, in the batch's transaction, unless the import marked them already.
     */
    public Map<SalesRows.RollupKey, Measures> count(SalesBatch batch, DeferredRollups deferred) {
        if (batch.isEmpty() && batch.customers.isEmpty()) {
            return Map.of();
        }
        try (Connection db = dataSource.getConnection()) {
            SalesRows rows = new SalesRows(db);
            Map<SalesRows.RollupKey, Measures> owed = rows.addDays(batch.sales);
            PendingRollups.mark(db, deferred.run, deferred.unmarked(owed));
            rows.addCountries(batch.countries);
            rows.addCategories(categoryOrders(db, batch));
            CustomerStatsRows stats = new CustomerStatsRows(db);
            stats.createMissing(batch.customers);
            stats.write(stats.recomputed(batch.customers).values());
            return owed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the imported sales", e);
        }
    }

    /**
     * Adds some of the month and year rows an import owes, in a short transaction of its own: live orders add to the
     * same rows of the current month and year and should not wait long. The periods stay marked meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void addOwed(Map<SalesRows.RollupKey, Measures> rollups) {
        try (Connection db = dataSource.getConnection()) {
            new SalesRows(db).addRollups(rollups);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add the month and year rows an import owes", e);
        }
    }

    /** After every owed row was added: the import's periods are read from their rollups again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void clearOwed(long run) {
        try (Connection db = dataSource.getConnection()) {
            PendingRollups.clear(db, List.of(run));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear the pending marks of import " + run, e);
        }
    }

    /** Each order once in each category it bought from (see SalesLedger.orderCounted). */
    private static Map<SalesRows.CategoryKey, Long> categoryOrders(Connection db, SalesBatch batch) throws SQLException {
        Map<Long, Long> categories = categoriesOf(db,
                batch.orderProducts.stream().flatMap(order -> order.products().stream()).distinct().toList());
        Map<SalesRows.CategoryKey, Long> orders = new HashMap<>();
        for (SalesBatch.OrderProducts order : batch.orderProducts) {
            order.products().stream().map(categories::get).distinct()
                    .forEach(category -> orders.merge(new SalesRows.CategoryKey(order.day(), category), 1L, Long::sum));
        }
        return orders;
    }

    /**
     * Locked as SalesLedger locks the products of an order: a product moving meanwhile waits for the batch and then
     * moves its orders too, or the batch reads the new category.
     */
    private static Map<Long, Long> categoriesOf(Connection db, List<Long> products) throws SQLException {
        Map<Long, Long> categories = new HashMap<>();
        for (int from = 0; from < products.size(); from += BATCH) {
            List<Long> slice = products.subList(from, Math.min(products.size(), from + BATCH));
            try (PreparedStatement query = db.prepareStatement("SELECT id, category_id FROM product WHERE id IN "
                    + InList.of(slice.size()) + " ORDER BY id FOR UPDATE")) {
                InList.bind(query, 1, slice);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        categories.put(rows.getLong(1), rows.getLong(2));
                    }
                }
            }
        }
        return categories;
    }
}
