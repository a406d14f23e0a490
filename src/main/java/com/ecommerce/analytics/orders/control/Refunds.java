package com.ecommerce.analytics.orders.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.inventory.control.StockReservation;
import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderItem;
import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.orders.entity.Refund;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.database.SaneDates;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.errors.NotFound;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Refunds recorded on their own date, never more than was bought, optionally returning the units to stock. */
@Stateless
public class Refunds {

    @PersistenceContext
    EntityManager em;

    @Inject
    StockReservation stock;

    @Inject
    Event<Object> facts;

    public Refund refund(long orderId, RefundInput input) {
        // The order's row is written (its version), not only locked: on a Galera cluster, whose locks stay on one node,
        // two refunds of one order through two nodes then conflict at commit instead of both passing the check below.
        Order order = Lookup.byId(em, Order.class, orderId, "Order", LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (order.getStatus() == OrderStatus.CANCELED) {
            throw new Conflict("Order " + orderId + " is canceled; there is nothing to refund.");
        }
        Instant date = SaneDates.refundDate(input.refundDate() != null ? input.refundDate() : StoredTime.now(),
                order.getOrderDate());
        Map<Long, Integer> refunded = refundedUnits(order, false);
        Refund refund = new Refund(order, date, input.restocks(), input.reason());
        Map<Long, Integer> units = new LinkedHashMap<>();
        for (RefundInput.Line line : input.items()) {
            units.merge(line.product(), line.quantity(), Integer::sum);
        }
        units.forEach((product, quantity) -> {
            OrderItem item = order.getItems().stream().filter(i -> i.productId() == product).findFirst()
                    .orElseThrow(() -> InvalidRequest.field("items", "order " + orderId + " has no product " + product));
            int left = item.getQuantity() - refunded.getOrDefault(item.getId(), 0);
            if (quantity > left) {
                throw new Conflict("Cannot refund " + quantity + " of product " + product + ": " + item.getQuantity()
                        + " were bought and " + left + " are not refunded yet.");
            }
            refund.add(item, quantity);
        });
        em.persist(refund);
        if (input.restocks()) {
            stock.release(units);
        }
        facts.fire(new RefundCounted(refund, 1));
        facts.fire(new CustomerOrdersChanged(order.customerId()));
        return refund;
    }

    public List<Refund> of(long orderId) {
        Lookup.byId(em, Order.class, orderId, "Order");
        return em.createQuery("SELECT DISTINCT r FROM Refund r LEFT JOIN FETCH r.items i LEFT JOIN FETCH i.orderItem "
                + "WHERE r.order.id = :order "
                + "ORDER BY r.id", Refund.class).setParameter("order", orderId).getResultList();
    }

    public Refund one(long orderId, long refundId) {
        Lookup.byId(em, Order.class, orderId, "Order");
        return em.createQuery("SELECT DISTINCT r FROM Refund r LEFT JOIN FETCH r.items i LEFT JOIN FETCH i.orderItem "
                        + "WHERE r.order.id = :order AND r.id = :refund", Refund.class)
                .setParameter("order", orderId).setParameter("refund", refundId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("Refund " + refundId + " of order " + orderId + " does not exist."));
    }

    public boolean exist(Order order) {
        return em.createQuery("SELECT COUNT(r) FROM Refund r WHERE r.order = :order", Long.class)
                .setParameter("order", order).getSingleResult() > 0;
    }

    /** Units of each product the order still holds: bought, minus those refunded back into stock. */
    public Map<Long, Integer> unitsStillHeld(Order order) {
        Map<Long, Integer> restocked = refundedUnits(order, true);
        Map<Long, Integer> held = new LinkedHashMap<>();
        for (OrderItem item : order.getItems()) {
            int units = item.getQuantity() - restocked.getOrDefault(item.getId(), 0);
            if (units > 0) {
                held.merge(item.productId(), units, Integer::sum);
            }
        }
        return held;
    }

    /** Refunded units per order line; only those put back into stock when restockedOnly. */
    private Map<Long, Integer> refundedUnits(Order order, boolean restockedOnly) {
        Map<Long, Integer> refunded = new HashMap<>();
        em.createQuery("SELECT ri.orderItem.id, SUM(ri.quantity) FROM RefundItem ri WHERE ri.refund.order = :order "
                        + "AND (ri.refund.restocked = true OR :restockedOnly = false) GROUP BY ri.orderItem.id", Object[].class)
                .setParameter("order", order)
                .setParameter("restockedOnly", restockedOnly)
                .getResultList()
                .forEach(row -> refunded.put((Long) row[0], ((Number) row[1]).intValue()));
        return refunded;
    }
}
