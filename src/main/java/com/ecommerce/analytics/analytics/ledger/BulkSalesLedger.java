package com.ecommerce.analytics.analytics.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.database.InList;
import com.ecommerce.analytics.analytics.control.SqlValues;
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
            refreshCustomers(db, new ArrayList<>(batch.customers));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the imported sales", e);
        }
    }

    /** Each order once in each category it bought from (see SalesLedger.orderCounted). */
    private static Map<SalesRows.CategoryKey, Long> categoryOrders(Connection db, SalesBatch batch) throws SQLException {
        Map<Long, Long> categories = new HashMap<>();
        List<Long> products = batch.orderProducts.stream().flatMap(order -> order.products().stream()).distinct().toList();
        for (int from = 0; from < products.size(); from += BATCH) {
            List<Long> slice = products.subList(from, Math.min(products.size(), from + BATCH));
            byId(db, "SELECT id, category_id FROM product WHERE id IN " + InList.of(slice.size()), slice)
                    .forEach((product, row) -> categories.put(product, SqlValues.whole(row[1])));
        }
        Map<SalesRows.CategoryKey, Long> orders = new HashMap<>();
        for (SalesBatch.OrderProducts order : batch.orderProducts) {
            order.products().stream().map(categories::get).distinct()
                    .forEach(category -> orders.merge(new SalesRows.CategoryKey(order.day(), category), 1L, Long::sum));
        }
        return orders;
    }

    /** Each customer's stats recomputed from their orders, as SalesLedger.refreshCustomer does for one. */
    private static void refreshCustomers(Connection db, List<Long> customers) throws SQLException {
        Collections.sort(customers);
        for (int from = 0; from < customers.size(); from += BATCH) {
            List<Long> slice = customers.subList(from, Math.min(customers.size(), from + BATCH));
            String in = InList.of(slice.size());
            Map<Long, Object[]> orders = byId(db, "SELECT customer_id, COUNT(*), SUM(total_amount), MIN(order_date), "
                    + "MAX(order_date) FROM orders WHERE status <> 'canceled' AND customer_id IN " + in + " "
                    + "GROUP BY customer_id", slice);
            Map<Long, Object[]> refunds = byId(db, "SELECT o.customer_id, SUM(r.amount) FROM refund r JOIN orders o "
                    + "ON o.id = r.order_id WHERE o.status <> 'canceled' AND o.customer_id IN " + in + " "
                    + "GROUP BY o.customer_id", slice);
            try (PreparedStatement update = db.prepareStatement("UPDATE customer_stats SET orders = ?, gross = ?, "
                    + "refunds = ?, spend = ?, first_order_date = ?, last_order_date = ? WHERE customer_id = ?")) {
                for (long customer : slice) {
                    Object[] placed = orders.getOrDefault(customer, new Object[] {customer, 0L, BigDecimal.ZERO, null, null});
                    BigDecimal gross = SqlValues.decimal(placed[2]);
                    BigDecimal refunded = refunds.containsKey(customer) ? SqlValues.decimal(refunds.get(customer)[1])
                            : BigDecimal.ZERO;
                    update.setLong(1, SqlValues.whole(placed[1]));
                    update.setBigDecimal(2, gross);
                    update.setBigDecimal(3, refunded);
                    update.setBigDecimal(4, gross.subtract(refunded));
                    update.setObject(5, placed[3]);
                    update.setObject(6, placed[4]);
                    update.setLong(7, customer);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    /** The query's rows, for the ids bound to its IN list, by their first column. */
    private static Map<Long, Object[]> byId(Connection db, String sql, List<Long> ids) throws SQLException {
        Map<Long, Object[]> rows = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            InList.bind(query, 1, ids);
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.put(result.getLong(1), row);
                }
            }
        }
        return rows;
    }
}
