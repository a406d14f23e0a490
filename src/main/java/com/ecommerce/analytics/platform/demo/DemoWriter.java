package com.ecommerce.analytics.platform.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.platform.database.UtcInstantConverter;
import com.ecommerce.analytics.platform.demo.DemoDataset.ItemSeed;
import com.ecommerce.analytics.platform.demo.DemoDataset.OrderSeed;
import com.ecommerce.analytics.platform.demo.DemoDataset.ProductSeed;
import com.ecommerce.analytics.platform.demo.DemoDataset.RefundSeed;

/**
 * Writes a generated store into empty tables with batched JDBC, for the demo data and for the benchmark's
 * million orders alike.
 */
public final class DemoWriter {

    private static final int BATCH = 1_000;

    private DemoWriter() {
    }

    public static void write(Connection db, DemoDataset data) throws SQLException {
        Instant now = Instant.now();
        List<Long> categoryIds = insertAll(db, "INSERT INTO category (name, description) VALUES (?, ?)",
                data.categories(), (s, c) -> {
                    s.setString(1, c.name());
                    s.setString(2, c.description());
                }, "SELECT id FROM category ORDER BY id");
        List<Long> tagIds = insertAll(db, "INSERT INTO tag (name) VALUES (?)", data.tags(),
                (s, t) -> s.setString(1, t), "SELECT id FROM tag ORDER BY id");
        List<Long> productIds = insertAll(db, "INSERT INTO product (name, description, sku, price, category_id, "
                        + "is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                data.products(), (s, p) -> {
                    s.setString(1, p.name());
                    s.setString(2, p.description());
                    s.setString(3, p.sku());
                    s.setBigDecimal(4, p.price());
                    s.setLong(5, categoryIds.get(p.category()));
                    s.setBoolean(6, p.active());
                    s.setObject(7, utc(now));
                    s.setObject(8, utc(now));
                }, "SELECT id FROM product ORDER BY id");
        List<long[]> productTags = new ArrayList<>();
        for (int p = 0; p < productIds.size(); p++) {
            for (int tag : data.products().get(p).tags()) {
                productTags.add(new long[] {productIds.get(p), tagIds.get(tag)});
            }
        }
        insertAll(db, "INSERT INTO product_tag (product_id, tag_id) VALUES (?, ?)", productTags, (s, pair) -> {
            s.setLong(1, pair[0]);
            s.setLong(2, pair[1]);
        }, null);
        Map<ProductSeed, Long> productId = new HashMap<>();
        for (int p = 0; p < productIds.size(); p++) {
            productId.put(data.products().get(p), productIds.get(p));
        }
        insertAll(db, "INSERT INTO inventory (product_id, quantity, last_restocked_date, low_stock_threshold, "
                + "created_at, updated_at) VALUES (?, ?, ?, 10, ?, ?)", data.products(), (s, p) -> {
                    s.setLong(1, productId.get(p));
                    s.setInt(2, p.stock());
                    s.setObject(3, utc(now.minus(p.restockedDaysAgo(), ChronoUnit.DAYS)));
                    s.setObject(4, utc(now));
                    s.setObject(5, utc(now));
                }, null);
        List<Long> customerIds = insertAll(db, "INSERT INTO customer (name, email, country, registration_date, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", data.customers(), (s, c) -> {
                    s.setString(1, c.name());
                    s.setString(2, c.email());
                    s.setString(3, c.country());
                    s.setObject(4, utc(c.registeredAt()));
                    s.setObject(5, utc(c.registeredAt()));
                    s.setObject(6, utc(c.registeredAt()));
                }, "SELECT id FROM customer ORDER BY id");
        writeOrders(db, data, productIds, customerIds);
    }

    private static void writeOrders(Connection db, DemoDataset data, List<Long> productIds, List<Long> customerIds)
            throws SQLException {
        List<Long> orderIds = insertAll(db, "INSERT INTO orders (customer_id, order_date, status, total_amount, "
                + "created_at, updated_at, country) VALUES (?, ?, ?, ?, ?, ?, ?)", data.orders(), (s, o) -> {
                    s.setLong(1, customerIds.get(o.customer()));
                    s.setObject(2, utc(o.orderDate()));
                    s.setString(3, o.status().code());
                    s.setBigDecimal(4, o.total());
                    s.setObject(5, utc(o.orderDate()));
                    s.setObject(6, utc(o.orderDate()));
                    s.setString(7, data.customers().get(o.customer()).country());
                }, "SELECT id FROM orders ORDER BY id");
        List<Object[]> lines = new ArrayList<>();
        for (int o = 0; o < orderIds.size(); o++) {
            for (ItemSeed item : data.orders().get(o).items()) {
                lines.add(new Object[] {orderIds.get(o), productIds.get(item.product()), item, data.orders().get(o)});
            }
        }
        List<Long> lineIds = insertAll(db, "INSERT INTO order_item (order_id, product_id, quantity, price_at_time_of_order, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", lines, (s, line) -> {
                    ItemSeed item = (ItemSeed) line[2];
                    Instant ordered = ((OrderSeed) line[3]).orderDate();
                    s.setLong(1, (Long) line[0]);
                    s.setLong(2, (Long) line[1]);
                    s.setInt(3, item.quantity());
                    s.setBigDecimal(4, item.unitPrice());
                    s.setObject(5, utc(ordered));
                    s.setObject(6, utc(ordered));
                }, "SELECT id FROM order_item ORDER BY id");
        writeRefunds(db, data, orderIds, firstLineIds(data, lineIds));
    }

    /** The id of each order's first line: lines were written order by order. */
    private static List<Long> firstLineIds(DemoDataset data, List<Long> lineIds) {
        List<Long> first = new ArrayList<>(data.orders().size());
        int line = 0;
        for (OrderSeed order : data.orders()) {
            first.add(lineIds.get(line));
            line += order.items().size();
        }
        return first;
    }

    private static void writeRefunds(Connection db, DemoDataset data, List<Long> orderIds, List<Long> firstLineIds)
            throws SQLException {
        List<Long> refundIds = insertAll(db, "INSERT INTO refund (order_id, refund_date, amount, restocked, reason, "
                + "created_at) VALUES (?, ?, ?, FALSE, ?, ?)", data.refunds(), (s, r) -> {
                    s.setLong(1, orderIds.get(r.order()));
                    s.setObject(2, utc(r.refundDate()));
                    s.setBigDecimal(3, data.orders().get(r.order()).items().get(0).unitPrice());
                    s.setString(4, r.reason());
                    s.setObject(5, utc(r.refundDate()));
                }, "SELECT id FROM refund ORDER BY id");
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < refundIds.size(); i++) {
            positions.add(i);
        }
        insertAll(db, "INSERT INTO refund_item (refund_id, order_item_id, quantity, amount) VALUES (?, ?, 1, ?)",
                positions, (s, i) -> {
                    RefundSeed refund = data.refunds().get(i);
                    s.setLong(1, refundIds.get(i));
                    s.setLong(2, firstLineIds.get(refund.order()));
                    s.setBigDecimal(3, data.orders().get(refund.order()).items().get(0).unitPrice());
                }, null);
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /**
     * Inserts the rows in batches and, when asked, reads back the generated ids in insertion order
     * (the tables start empty, so ascending ids follow the order of the rows).
     */
    private static <T> List<Long> insertAll(Connection db, String sql, List<T> rows, Binder<T> binder, String idQuery)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(insert, row);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        List<Long> ids = new ArrayList<>(rows.size());
        if (idQuery != null) {
            try (PreparedStatement query = db.prepareStatement(idQuery); ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
        }
        return ids;
    }

    static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return UtcInstantConverter.toColumn(instant);
    }
}
