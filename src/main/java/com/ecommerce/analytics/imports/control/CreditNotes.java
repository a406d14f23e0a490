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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.ecommerce.analytics.analytics.control.SalesBatch;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;

/**
 * Turns the lines of credit notes into refunds. Each line refunds the customer's most recent order, on or
 * before the credit note's date, that contains its SKU, up to the units of it that order still has
 * unrefunded; the rest of the line is rejected. A refund is valued at the prices the order was sold at,
 * as refunds through the API are, and a credit note makes one refund per order it refunds.
 */
final class CreditNotes {

    /** A line of an order that a credit line may refund, with the units refunded so far. */
    private static final class Sold {
        final long order;
        final String orderReference;
        final Instant orderDate;
        final String country;
        final long item;
        final long product;
        final int quantity;
        final BigDecimal price;
        int refunded;

        Sold(ResultSet row) throws SQLException {
            order = row.getLong(1);
            orderReference = row.getString(2);
            orderDate = row.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            country = row.getString(4);
            item = row.getLong(5);
            product = row.getLong(6);
            quantity = row.getInt(7);
            price = row.getBigDecimal(8);
            refunded = row.getInt(9);
        }

        int left() {
            return quantity - refunded;
        }
    }

    private record RefundedItem(Sold sold, int units) {
        BigDecimal amount() {
            return sold.price.multiply(BigDecimal.valueOf(units));
        }
    }

    private record Key(long customer, long product) {
    }

    private CreditNotes() {
    }

    /** Writes the refunds of the credit notes, counts them into the batch's sales, and answers how many it made. */
    static int refund(Connection db, List<Invoice> credits, Map<String, Long> customers, Map<String, Long> products,
                      SalesBatch sales, ImportTally tally, Instant now) throws SQLException {
        if (credits.isEmpty()) {
            return 0;
        }
        Map<Key, List<Sold>> sold = sold(db, ids(credits.stream().map(Invoice::customer), customers),
                ids(credits.stream().flatMap(credit -> credit.lines().stream()).map(SalesLine::sku), products));
        int refunds = 0;
        for (Invoice credit : credits) {
            Long customer = customers.get(Keys.normal(credit.customer()));
            Map<Long, List<RefundedItem>> byOrder = new LinkedHashMap<>();
            for (SalesLine line : credit.lines()) {
                Long product = products.get(Keys.normal(line.sku()));
                List<Sold> candidates = customer == null || product == null ? List.of()
                        : sold.getOrDefault(new Key(customer, product), List.of());
                allocate(line, candidates, byOrder, tally);
            }
            for (List<RefundedItem> items : byOrder.values()) {
                write(db, credit, items, now);
                items.forEach(item -> sales.refund(credit.date(), item.sold.country, item.sold.product, item.units,
                        item.amount(), customer));
                refunds++;
            }
        }
        return refunds;
    }

    private static void allocate(SalesLine line, List<Sold> candidates, Map<Long, List<RefundedItem>> byOrder,
                                 ImportTally tally) {
        Optional<Long> order = candidates.stream().filter(sold -> !sold.orderDate.isAfter(line.date()))
                .max(Comparator.comparing((Sold sold) -> sold.orderDate).thenComparingLong(sold -> sold.order))
                .map(sold -> sold.order);
        if (order.isEmpty()) {
            tally.reject(line.line(), "no order of customer " + line.customer() + " on or before " + line.date()
                    + " contains StockCode " + line.sku());
            return;
        }
        int wanted = -line.quantity();
        int left = wanted;
        String reference = null;
        for (Sold sold : candidates) {
            if (sold.order != order.get()) {
                continue;
            }
            reference = sold.orderReference == null ? "#" + sold.order : sold.orderReference;
            int units = Math.min(left, sold.left());
            if (units > 0) {
                sold.refunded += units;
                left -= units;
                byOrder.computeIfAbsent(sold.order, o -> new ArrayList<>()).add(new RefundedItem(sold, units));
            }
        }
        if (left > 0) {
            tally.reject(line.line(), (left == wanted ? "" : (wanted - left) + " of " + wanted + " units refunded; ")
                    + left + " rejected: order " + reference + ", the latest of customer " + line.customer()
                    + " with StockCode " + line.sku() + ", has no more of it unrefunded");
        }
    }

    private static void write(Connection db, Invoice credit, List<RefundedItem> items, Instant now) throws SQLException {
        BigDecimal amount = items.stream().map(RefundedItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long refund;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO refund (order_id, refund_date, amount, restocked, "
                + "reason, created_at, external_reference) VALUES (?, ?, ?, FALSE, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, items.get(0).sold.order);
            insert.setObject(2, UtcInstantConverter.toColumn(credit.date()));
            insert.setBigDecimal(3, amount);
            insert.setString(4, "Credit note " + credit.number());
            insert.setObject(5, UtcInstantConverter.toColumn(now));
            insert.setString(6, credit.number());
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                refund = key.getLong(1);
            }
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO refund_item (refund_id, order_item_id, quantity, "
                + "amount) VALUES (?, ?, ?, ?)")) {
            for (RefundedItem item : items) {
                insert.setLong(1, refund);
                insert.setLong(2, item.sold.item);
                insert.setInt(3, item.units);
                insert.setBigDecimal(4, item.amount());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Set<Long> ids(Stream<String> keys, Map<String, Long> ids) {
        return keys.map(key -> ids.get(Keys.normal(key))).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The order lines of these customers and products, with what was refunded of each, in item order. */
    private static Map<Key, List<Sold>> sold(Connection db, Collection<Long> customers, Collection<Long> products)
            throws SQLException {
        Map<Key, List<Sold>> sold = new HashMap<>();
        if (customers.isEmpty() || products.isEmpty()) {
            return sold;
        }
        List<Long> values = new ArrayList<>(customers);
        values.addAll(products);
        try (PreparedStatement query = db.prepareStatement("SELECT o.id, o.external_reference, o.order_date, o.country, "
                + "i.id, i.product_id, i.quantity, i.price_at_time_of_order, COALESCE((SELECT SUM(ri.quantity) "
                + "FROM refund_item ri WHERE ri.order_item_id = i.id), 0), o.customer_id "
                + "FROM orders o JOIN order_item i ON i.order_id = o.id WHERE o.status <> 'canceled' "
                + "AND o.customer_id IN " + Keys.placeholders(customers.size())
                + " AND i.product_id IN " + Keys.placeholders(products.size()) + " ORDER BY i.id")) {
            for (int i = 0; i < values.size(); i++) {
                query.setLong(i + 1, values.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Sold line = new Sold(rows);
                    sold.computeIfAbsent(new Key(rows.getLong(10), line.product), k -> new ArrayList<>()).add(line);
                }
            }
        }
        return sold;
    }
}
