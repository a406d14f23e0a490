package com.ecommerce.analytics.imports.control;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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

import com.ecommerce.analytics.analytics.ledger.SalesBatch;

/**
 * Turns the lines of credit notes into refunds. Each line refunds the customer's most recent order, on or
 * before the credit note's date, that contains its SKU, up to the units of it that order still has
 * unrefunded; the rest of the line is rejected. A refund is valued at the prices the order was sold at,
 * as refunds through the API are, and a credit note makes one refund per order it refunds.
 */
final class CreditNotes {

    /** A line of an order that a credit line may refund, with the units refunded so far, this batch's included. */
    private static final class Sold {
        final ImportTables.SoldLine line;
        int refunded;

        Sold(ImportTables.SoldLine line) {
            this.line = line;
            this.refunded = line.refunded();
        }

        int left() {
            return line.quantity() - refunded;
        }
    }

    private record RefundedItem(Sold sold, int units) {
        BigDecimal amount() {
            return sold.line.price().multiply(BigDecimal.valueOf(units));
        }
    }

    private record Key(long customer, long product) {
    }

    private CreditNotes() {
    }

    /** Writes the refunds of the credit notes, counts them into the batch's sales, and answers how many it made. */
    static int refund(ImportTables tables, List<Invoice> credits, Map<String, Long> customers, Map<String, Long> products,
                      SalesBatch sales, ImportTally tally, Instant now) throws SQLException {
        if (credits.isEmpty()) {
            return 0;
        }
        Set<Long> buyers = ids(credits.stream().map(Invoice::customer), customers);
        Set<Long> returned = ids(credits.stream().flatMap(credit -> credit.lines().stream()).map(SalesLine::sku), products);
        // Locked as a refund through the API locks its order, then read again: what they refunded meanwhile counts.
        tables.lockOrders(tables.soldLines(buyers, returned).stream().map(ImportTables.SoldLine::order).toList());
        Map<Key, List<Sold>> sold = new HashMap<>();
        for (ImportTables.SoldLine line : tables.soldLines(buyers, returned)) {
            sold.computeIfAbsent(new Key(line.customer(), line.product()), key -> new ArrayList<>()).add(new Sold(line));
        }
        int refunds = 0;
        for (Invoice credit : credits) {
            Long customer = customers.get(credit.customer());
            Map<Long, List<RefundedItem>> byOrder = new LinkedHashMap<>();
            for (SalesLine line : credit.lines()) {
                Long product = products.get(ImportTables.normal(line.sku()));
                List<Sold> candidates = customer == null || product == null ? List.of()
                        : sold.getOrDefault(new Key(customer, product), List.of());
                allocate(line, candidates, byOrder, tally);
            }
            for (Map.Entry<Long, List<RefundedItem>> refund : byOrder.entrySet()) {
                tables.insertRefund(refund.getKey(), credit.date(), credit.number(), refund.getValue().stream()
                        .map(item -> new ImportTables.NewRefundItem(item.sold.line.item(), item.units, item.amount()))
                        .toList(), now);
                refund.getValue().forEach(item -> sales.refund(credit.date(), item.sold.line.country(),
                        item.sold.line.product(), item.units, item.amount(), customer));
                refunds++;
            }
        }
        return refunds;
    }

    private static void allocate(SalesLine line, List<Sold> candidates, Map<Long, List<RefundedItem>> byOrder,
                                 ImportTally tally) {
        Optional<Long> order = candidates.stream().map(sold -> sold.line)
                .filter(sold -> !sold.orderDate().isAfter(line.date()))
                .max(Comparator.comparing(ImportTables.SoldLine::orderDate).thenComparingLong(ImportTables.SoldLine::order))
                .map(ImportTables.SoldLine::order);
        if (order.isEmpty()) {
            tally.reject(line, "no order of customer " + line.customer() + " on or before " + line.date()
                    + " contains StockCode " + line.sku());
            return;
        }
        int wanted = -line.quantity();
        int left = wanted;
        String reference = null;
        for (Sold sold : candidates) {
            if (sold.line.order() != order.get()) {
                continue;
            }
            reference = sold.line.orderReference() == null ? "#" + sold.line.order() : sold.line.orderReference();
            int units = Math.min(left, sold.left());
            if (units > 0) {
                sold.refunded += units;
                left -= units;
                byOrder.computeIfAbsent(sold.line.order(), o -> new ArrayList<>()).add(new RefundedItem(sold, units));
            }
        }
        if (left > 0) {
            tally.reject(line, (left == wanted ? "" : (wanted - left) + " of " + wanted + " units refunded; ")
                    + left + " rejected: order " + reference + ", the latest of customer " + line.customer()
                    + " with StockCode " + line.sku() + ", has no more of it unrefunded");
        }
    }

    private static Set<Long> ids(Stream<String> keys, Map<String, Long> ids) {
        return keys.map(key -> ids.get(ImportTables.normal(key))).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
