package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderItem;
import com.ecommerce.analytics.orders.entity.Refund;
import com.ecommerce.analytics.orders.entity.RefundItem;
import com.ecommerce.analytics.platform.database.InList;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps the daily sales aggregates in step with the orders, inside the caller's transaction: a sale
 * counts on its order day while its order is not canceled, a refund on its own day. Rows are touched
 * in product order, as the stock rows are, so concurrent orders do not deadlock on them.
 */
@Stateless
public class SalesLedger {

    @PersistenceContext
    EntityManager em;

    @Inject
    StoreCalendar calendar;

    @Inject
    SalesSnapshots snapshots;

    @Inject
    SalesAggregatesLock lock;

    /**
     * Takes the aggregates lock before the caller locks an order row. An import holds it exclusively while it
     * refunds orders; taken after the row, the caller could wait for the import while the import waits for the row.
     */
    public void lockBeforeOrderRows() {
        lock.sharedBeforeRowLocks();
    }

    /** The order's lines start (+1) or stop (-1) counting, with the order itself. */
    public void countOrder(Order order, int sign) {
        lock.shared();
        LocalDate day = calendar.dayOf(order.getOrderDate());
        String country = order.getCountry().value();
        Measures whole = Measures.NONE;
        for (OrderItem item : order.getItems().stream().sorted(Comparator.comparingLong(OrderItem::productId)).toList()) {
            Measures line = Measures.sale(item.getQuantity(), item.lineTotal(), 1);
            addSales(day, item.productId(), country, sign < 0 ? line.negate() : line);
            whole = whole.plus(line);
        }
        Measures counted = Measures.sale(whole.units(), whole.gross(), 1);
        addCountry(day, country, sign < 0 ? counted.negate() : counted);
        for (long category : new TreeSet<>(categoriesOf(order.getItems().stream().map(OrderItem::productId).toList())
                .values())) {
            addCategory(day, category, sign);
        }
    }

    /** One line of a counted order changed: units and money by the deltas, product orders by linesDelta. */
    public void countLineChange(Order order, long product, int unitsDelta, BigDecimal grossDelta, int linesDelta) {
        lock.shared();
        LocalDate day = calendar.dayOf(order.getOrderDate());
        String country = order.getCountry().value();
        addSales(day, product, country, Measures.sale(unitsDelta, grossDelta, linesDelta));
        addCountry(day, country, Measures.sale(unitsDelta, grossDelta, 0));
        if (linesDelta != 0) {
            List<Long> products = new ArrayList<>(order.getItems().stream().map(OrderItem::productId).toList());
            products.add(product);
            Map<Long, Long> categories = categoriesOf(products);
            long category = categories.get(product);
            boolean otherLineInCategory = order.getItems().stream()
                    .anyMatch(item -> item.productId() != product && categories.get(item.productId()) == category);
            if (!otherLineInCategory) {
                addCategory(day, category, linesDelta);
            }
        }
    }

    /**
     * A product moves to another category: each counted order holding it now counts in the new category, and
     * no longer in the old one unless another of its products is still there. Exclusive, so that no order
     * counts the product's category while it changes.
     */
    @SuppressWarnings("unchecked")
    public void countProductMove(long product, long from, long to) {
        if (from == to) {
            return;
        }
        lock.exclusive();
        String otherLinesIn = "(SELECT COUNT(*) FROM order_item other JOIN product p ON p.id = other.product_id "
                + "WHERE other.order_id = o.id AND other.product_id <> ? AND p.category_id = ?)";
        // DISTINCT: an imported order may hold the product on two lines (at two prices); it counts once.
        List<Object[]> orders = em.createNativeQuery("SELECT DISTINCT o.id, o.order_date, " + otherLinesIn + ", "
                        + otherLinesIn + " FROM orders o JOIN order_item i ON i.order_id = o.id WHERE i.product_id = ? "
                        + "AND o.status <> 'canceled'")
                .setParameter(1, product).setParameter(2, from).setParameter(3, product).setParameter(4, to)
                .setParameter(5, product).getResultList();
        Map<List<Object>, Integer> changes = new TreeMap<>(Comparator.comparing((List<Object> key) -> (LocalDate) key.get(0))
                .thenComparing(key -> (Long) key.get(1)));
        for (Object[] order : orders) {
            LocalDate day = calendar.dayOf(SqlValues.instant(order[1]));
            if (SqlValues.whole(order[2]) == 0) {
                changes.merge(List.of(day, from), -1, Integer::sum);
            }
            if (SqlValues.whole(order[3]) == 0) {
                changes.merge(List.of(day, to), 1, Integer::sum);
            }
        }
        changes.forEach((key, change) -> addCategory((LocalDate) key.get(0), (Long) key.get(1), change));
    }

    /** A refund starts (+1) or stops (-1) counting, on the refund's day. */
    public void countRefund(Refund refund, int sign) {
        lock.shared();
        LocalDate day = calendar.dayOf(refund.getRefundDate());
        String country = refund.getOrder().getCountry().value();
        Measures whole = Measures.NONE;
        for (RefundItem item : refund.getItems().stream()
                .sorted(Comparator.comparingLong((RefundItem i) -> i.getOrderItem().productId())).toList()) {
            Measures refunded = Measures.refund(item.getQuantity(), item.getAmount());
            addSales(day, item.getOrderItem().productId(), country, sign < 0 ? refunded.negate() : refunded);
            whole = whole.plus(refunded);
        }
        addCountry(day, country, sign < 0 ? whole.negate() : whole);
    }

    /**
     * Recomputes a customer's spend from their orders (zeros for a new customer), after the caller's changes
     * are flushed. The stats
     * row is locked first, so concurrent changes for one customer take turns, and each recomputation
     * sees what the ones before it committed (READ COMMITTED on every engine).
     */
    public void refreshCustomer(long customerId) {
        em.flush();
        em.createNativeQuery("INSERT INTO customer_stats (customer_id) VALUES (?) "
                + "ON DUPLICATE KEY UPDATE orders = orders").setParameter(1, customerId).executeUpdate();
        Object[] orders = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(total_amount), 0), "
                        + "MIN(order_date), MAX(order_date) FROM orders WHERE customer_id = ? AND status <> 'canceled'")
                .setParameter(1, customerId).getSingleResult();
        Object refunds = em.createNativeQuery("SELECT COALESCE(SUM(r.amount), 0) FROM refund r JOIN orders o "
                        + "ON o.id = r.order_id WHERE o.customer_id = ? AND o.status <> 'canceled'")
                .setParameter(1, customerId).getSingleResult();
        BigDecimal gross = SqlValues.decimal(orders[1]);
        em.createNativeQuery("UPDATE customer_stats SET orders = ?, gross = ?, refunds = ?, spend = ?, first_order_date = ?, "
                        + "last_order_date = ? WHERE customer_id = ?")
                .setParameter(1, SqlValues.whole(orders[0]))
                .setParameter(2, gross)
                .setParameter(3, SqlValues.decimal(refunds))
                .setParameter(4, gross.subtract(SqlValues.decimal(refunds)))
                .setParameter(5, orders[2])
                .setParameter(6, orders[3])
                .setParameter(7, customerId)
                .executeUpdate();
    }

    private void addSales(LocalDate day, long product, String country, Measures change) {
        NativeQueries.bind(em.createNativeQuery(AggregateUpserts.SALES), List.of(day, product, country, change.units(),
                change.gross(), change.orders(), change.refundedUnits(), change.refunds())).executeUpdate();
        snapshots.add(day, product, country, change);
    }

    /** The products' categories as committed: read after the aggregates lock, so a product move is never half seen. */
    @SuppressWarnings("unchecked")
    private Map<Long, Long> categoriesOf(List<Long> products) {
        Map<Long, Long> categories = new HashMap<>();
        if (products.isEmpty()) {
            return categories;
        }
        List<Long> distinct = products.stream().distinct().toList();
        ((List<Object[]>) NativeQueries.bind(em.createNativeQuery("SELECT id, category_id FROM product WHERE id IN "
                + InList.of(distinct.size())), new ArrayList<>(distinct))
                .getResultList()).forEach(row -> categories.put(SqlValues.whole(row[0]), SqlValues.whole(row[1])));
        return categories;
    }

    private void addCategory(LocalDate day, long category, int orders) {
        NativeQueries.bind(em.createNativeQuery(AggregateUpserts.CATEGORY), List.of(day, category, orders)).executeUpdate();
    }

    private void addCountry(LocalDate day, String country, Measures change) {
        NativeQueries.bind(em.createNativeQuery(AggregateUpserts.COUNTRY), List.of(day, country, change.units(),
                change.gross(), change.orders(), change.refundedUnits(), change.refunds())).executeUpdate();
    }
}
