package com.ecommerce.analytics.imports.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ecommerce.analytics.platform.database.InList;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;

/**
 * Every statement of the import, in batched JDBC on the batch transaction's connection: tens of thousands of
 * rows a batch, written far faster than entities would be. Natural keys (invoice numbers, customer numbers,
 * SKUs) are looked up a thousand at a time and compared without case, as MySQL compares them.
 */
final class ImportTables {

    record NewCustomer(String reference, String name, String email, String country, Instant registered) {
    }

    record NewProduct(String sku, String name, BigDecimal price) {
    }

    record NewOrder(String number, long customer, String country, Instant date, BigDecimal total) {
    }

    record NewItem(long order, long product, int quantity, BigDecimal price) {
    }

    /** A line of an order, with the units of it refunded so far. */
    record SoldLine(long order, String orderReference, Instant orderDate, String country, long customer, long item,
                    long product, int quantity, BigDecimal price, int refunded) {
    }

    record NewRefundItem(long orderItem, int quantity, BigDecimal amount) {
    }

    private static final int SLICE = 1_000;

    private final Connection db;

    ImportTables(Connection db) {
        this.db = db;
    }

    static String normal(String key) {
        return key.toUpperCase(Locale.ROOT);
    }

    Map<String, Long> orderIds(Collection<String> numbers) throws SQLException {
        return ids("SELECT external_reference, id FROM orders WHERE external_reference IN (?)", numbers);
    }

    /** Credit notes already imported: a refund carries the number. */
    Map<String, Long> creditNoteIds(Collection<String> numbers) throws SQLException {
        return ids("SELECT external_reference, MIN(id) FROM refund WHERE external_reference IN (?) "
                + "GROUP BY external_reference", numbers);
    }

    Map<String, Long> customerIds(Collection<String> references) throws SQLException {
        return ids("SELECT external_reference, id FROM customer WHERE external_reference IN (?)", references);
    }

    Map<String, Long> productIds(Collection<String> skus) throws SQLException {
        return ids("SELECT sku, id FROM product WHERE sku IN (?)", skus);
    }

    /** Customers (their stats rows come with the batch's sales: BulkSalesLedger). */
    Map<String, Long> insertCustomers(Collection<NewCustomer> customers, Instant now) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO customer (name, email, country, registration_date, "
                + "version, external_reference, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)")) {
            for (NewCustomer customer : customers) {
                insert.setString(1, customer.name());
                insert.setString(2, customer.email());
                insert.setString(3, customer.country());
                insert.setObject(4, UtcInstantConverter.toColumn(customer.registered()));
                insert.setString(5, customer.reference());
                insert.setObject(6, UtcInstantConverter.toColumn(now));
                insert.setObject(7, UtcInstantConverter.toColumn(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return customerIds(customers.stream().map(NewCustomer::reference).toList());
    }

    Map<String, Long> insertProducts(Collection<NewProduct> products, long category, Instant now) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO product (name, sku, price, category_id, is_active, "
                + "created_at, updated_at, version) VALUES (?, ?, ?, ?, TRUE, ?, ?, 0)")) {
            for (NewProduct product : products) {
                insert.setString(1, product.name());
                insert.setString(2, product.sku());
                insert.setBigDecimal(3, product.price());
                insert.setLong(4, category);
                insert.setObject(5, UtcInstantConverter.toColumn(now));
                insert.setObject(6, UtcInstantConverter.toColumn(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return productIds(products.stream().map(NewProduct::sku).toList());
    }

    void updatePrices(Map<Long, BigDecimal> prices, Instant now) throws SQLException {
        if (prices.isEmpty()) {
            return;
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE product SET price = ?, updated_at = ? WHERE id = ?")) {
            for (Map.Entry<Long, BigDecimal> price : prices.entrySet()) {
                update.setBigDecimal(1, price.getValue());
                update.setObject(2, UtcInstantConverter.toColumn(now));
                update.setLong(3, price.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The category's id, creating it when there is none of that name. */
    long category(String name, String description) throws SQLException {
        Long id = categoryId(name);
        if (id != null) {
            return id;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO category (name, description) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, description);
            insert.executeUpdate();
        }
        return categoryId(name);
    }

    /** Delivered orders, as history is. */
    Map<String, Long> insertOrders(Collection<NewOrder> orders, Instant now) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO orders (customer_id, country, order_date, status, "
                + "total_amount, created_at, updated_at, version, external_reference) "
                + "VALUES (?, ?, ?, 'delivered', ?, ?, ?, 0, ?)")) {
            for (NewOrder order : orders) {
                insert.setLong(1, order.customer());
                insert.setString(2, order.country());
                insert.setObject(3, UtcInstantConverter.toColumn(order.date()));
                insert.setBigDecimal(4, order.total());
                insert.setObject(5, UtcInstantConverter.toColumn(now));
                insert.setObject(6, UtcInstantConverter.toColumn(now));
                insert.setString(7, order.number());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return orderIds(orders.stream().map(NewOrder::number).toList());
    }

    void insertItems(List<NewItem> items, Instant now) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO order_item (order_id, product_id, quantity, "
                + "price_at_time_of_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                NewItem item = items.get(i);
                insert.setLong(1, item.order());
                insert.setLong(2, item.product());
                insert.setInt(3, item.quantity());
                insert.setBigDecimal(4, item.price());
                insert.setObject(5, UtcInstantConverter.toColumn(now));
                insert.setObject(6, UtcInstantConverter.toColumn(now));
                insert.addBatch();
                if ((i + 1) % SLICE == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The lines of these customers' orders (not canceled) of these products, in item order. */
    List<SoldLine> soldLines(Collection<Long> customers, Collection<Long> products) throws SQLException {
        List<SoldLine> lines = new ArrayList<>();
        if (customers.isEmpty() || products.isEmpty()) {
            return lines;
        }
        try (PreparedStatement query = db.prepareStatement("SELECT o.id, o.external_reference, o.order_date, o.country, "
                + "o.customer_id, i.id, i.product_id, i.quantity, i.price_at_time_of_order, COALESCE((SELECT "
                + "SUM(ri.quantity) FROM refund_item ri WHERE ri.order_item_id = i.id), 0) "
                + "FROM orders o JOIN order_item i ON i.order_id = o.id WHERE o.status <> 'canceled' "
                + "AND o.customer_id IN " + InList.of(customers.size())
                + " AND i.product_id IN " + InList.of(products.size()) + " ORDER BY i.id")) {
            InList.bind(query, InList.bind(query, 1, customers), products);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add(new SoldLine(rows.getLong(1), rows.getString(2),
                            rows.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC), rows.getString(4),
                            rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getInt(8), rows.getBigDecimal(9),
                            rows.getInt(10)));
                }
            }
        }
        return lines;
    }

    /** Locks the orders' rows until the batch commits, in id order as every writer of several orders does. */
    void lockOrders(Collection<Long> orders) throws SQLException {
        List<Long> ids = orders.stream().distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += SLICE) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + SLICE));
            try (PreparedStatement lock = db.prepareStatement("SELECT id FROM orders WHERE id IN " + InList.of(slice.size())
                    + " ORDER BY id FOR UPDATE")) {
                InList.bind(lock, 1, slice);
                lock.executeQuery().close();
            }
        }
    }

    /** A refund, not restocked (the goods of past sales are long gone), with its items. */
    void insertRefund(long order, Instant date, String creditNote, List<NewRefundItem> items, Instant now)
            throws SQLException {
        long refund;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO refund (order_id, refund_date, amount, restocked, "
                + "reason, created_at, external_reference) VALUES (?, ?, ?, FALSE, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, order);
            insert.setObject(2, UtcInstantConverter.toColumn(date));
            insert.setBigDecimal(3, items.stream().map(NewRefundItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            insert.setString(4, "Credit note " + creditNote);
            insert.setObject(5, UtcInstantConverter.toColumn(now));
            insert.setString(6, creditNote);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                refund = key.getLong(1);
            }
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO refund_item (refund_id, order_item_id, quantity, "
                + "amount) VALUES (?, ?, ?, ?)")) {
            for (NewRefundItem item : items) {
                insert.setLong(1, refund);
                insert.setLong(2, item.orderItem());
                insert.setInt(3, item.quantity());
                insert.setBigDecimal(4, item.amount());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Long categoryId(String name) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM category WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    /** Runs the query, whose only parameter list is written "(?)", for the keys; its rows are (key, id). */
    private Map<String, Long> ids(String sql, Collection<String> keys) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += SLICE) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + SLICE));
            try (PreparedStatement query = db.prepareStatement(sql.replace("(?)", InList.of(slice.size())))) {
                for (int i = 0; i < slice.size(); i++) {
                    query.setString(i + 1, slice.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.put(normal(rows.getString(1)), rows.getLong(2));
                    }
                }
            }
        }
        return ids;
    }
}
