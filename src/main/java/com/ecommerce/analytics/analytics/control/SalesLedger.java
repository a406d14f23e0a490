package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;

import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderItem;
import com.ecommerce.analytics.orders.entity.Refund;
import com.ecommerce.analytics.orders.entity.RefundItem;

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

    /** The order's lines start (+1) or stop (-1) counting, with the order itself. */
    public void countOrder(Order order, int sign) {
        LocalDate day = calendar.dayOf(order.getOrderDate());
        String country = order.getCountry().value();
        order.getItems().stream().sorted(Comparator.comparingLong(OrderItem::productId)).forEach(item ->
                addSales(day, item.productId(), country, sign * item.getQuantity(), signed(item.lineTotal(), sign),
                        sign, 0, BigDecimal.ZERO));
        addOrders(day, country, sign, signed(order.getTotalAmount(), sign));
    }

    /** One line of a counted order changed: units and money by the deltas, product orders by linesDelta. */
    public void countLineChange(Order order, long product, int unitsDelta, BigDecimal grossDelta, int linesDelta) {
        LocalDate day = calendar.dayOf(order.getOrderDate());
        String country = order.getCountry().value();
        addSales(day, product, country, unitsDelta, grossDelta, linesDelta, 0, BigDecimal.ZERO);
        addOrders(day, country, 0, grossDelta);
    }

    /** A refund starts (+1) or stops (-1) counting, on the refund's day. */
    public void countRefund(Refund refund, int sign) {
        LocalDate day = calendar.dayOf(refund.getRefundDate());
        String country = refund.getOrder().getCountry().value();
        refund.getItems().stream().sorted(Comparator.comparingLong((RefundItem i) -> i.getOrderItem().productId()))
                .forEach(item -> addSales(day, item.getOrderItem().productId(), country, 0, BigDecimal.ZERO, 0,
                        sign * item.getQuantity(), signed(item.getAmount(), sign)));
    }

    /**
     * Recomputes a customer's spend from their orders, after the caller's changes are flushed. The stats
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
        em.createNativeQuery("UPDATE customer_stats SET orders = ?, gross = ?, refunds = ?, first_order_date = ?, "
                        + "last_order_date = ? WHERE customer_id = ?")
                .setParameter(1, SqlValues.whole(orders[0]))
                .setParameter(2, SqlValues.decimal(orders[1]))
                .setParameter(3, SqlValues.decimal(refunds))
                .setParameter(4, orders[2])
                .setParameter(5, orders[3])
                .setParameter(6, customerId)
                .executeUpdate();
    }

    private static BigDecimal signed(BigDecimal amount, int sign) {
        return sign < 0 ? amount.negate() : amount;
    }

    private void addSales(LocalDate day, long product, String country, int units, BigDecimal gross, int orders,
                          int refundedUnits, BigDecimal refunds) {
        em.createNativeQuery("INSERT INTO sales_daily (sale_date, product_id, country, units, gross, orders, "
                        + "refunded_units, refunds) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "units = units + VALUES(units), gross = gross + VALUES(gross), orders = orders + VALUES(orders), "
                        + "refunded_units = refunded_units + VALUES(refunded_units), refunds = refunds + VALUES(refunds)")
                .setParameter(1, day)
                .setParameter(2, product)
                .setParameter(3, country)
                .setParameter(4, units)
                .setParameter(5, gross)
                .setParameter(6, orders)
                .setParameter(7, refundedUnits)
                .setParameter(8, refunds)
                .executeUpdate();
    }

    private void addOrders(LocalDate day, String country, int orders, BigDecimal gross) {
        em.createNativeQuery("INSERT INTO orders_daily (sale_date, country, orders, gross) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE orders = orders + VALUES(orders), gross = gross + VALUES(gross)")
                .setParameter(1, day)
                .setParameter(2, country)
                .setParameter(3, orders)
                .setParameter(4, gross)
                .executeUpdate();
    }
}
