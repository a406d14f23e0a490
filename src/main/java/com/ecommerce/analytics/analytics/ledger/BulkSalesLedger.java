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
import com.ecommerce.analytics.analytics.control.StoreCalendar;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Counts a batch of orders and refunds written at once (an import of past sales) into the sales
 * aggregates, inside the caller's transaction, with a few batched statements. Like SalesLedger it only adds
 * to the rows of the batch's days, months and years, so a batch of old history costs what a recent one does.
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

    public void count(SalesBatch batch) {
        if (batch.isEmpty() && batch.customers.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection()) {
            SalesRows rows = new SalesRows(db);
            rows.addSales(batch.sales);
            rows.addCountries(batch.countries);
            rows.addCategories(categoryOrders(db, batch));
            CustomerStatsRows stats = new CustomerStatsRows(db);
            stats.createMissing(batch.customers);
            stats.write(stats.recomputed(batch.customers).values());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the imported sales", e);
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
