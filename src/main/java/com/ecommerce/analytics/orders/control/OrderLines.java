package com.ecommerce.analytics.orders.control;

import java.math.BigDecimal;
import java.util.Map;

import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.inventory.control.StockReservation;
import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderItem;
import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.InvalidRequest;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Editing the lines of a pending order one by one, as the earlier /api/order-items/ allowed, with the
 * same bookkeeping as placing it: stock follows every change and the total is recomputed.
 */
@Stateless
public class OrderLines {

    @PersistenceContext
    EntityManager em;

    @Inject
    StockReservation stock;

    @Inject
    OrderPlacement placement;

    @Inject
    Event<Object> facts;

    @Inject
    Refunds refunds;

    public OrderItem add(LineInput input) {
        Order order = pendingOrder(input.order());
        Product product = placement.orderable(input.product());
        if (order.getItems().stream().anyMatch(item -> item.productId() == product.getId())) {
            throw new Conflict("Order " + order.getId() + " already has a line for product " + product.getId()
                    + "; change that line's quantity instead.");
        }
        placement.reserveOrFail(Map.of(product.getId(), input.quantity()));
        OrderItem item = order.addItem(product, input.quantity(),
                input.priceAtTimeOfOrder() != null ? input.priceAtTimeOfOrder() : product.getPrice());
        OrderTotalLimit.check(order);
        em.flush();
        facts.fire(new OrderLineChanged(order, product.getId(), item.getQuantity(), item.lineTotal(), 1));
        facts.fire(new CustomerOrdersChanged(order.customerId()));
        return item;
    }

    public OrderItem change(long id, LineInput input) {
        OrderItem item = lockedLine(id);
        if (item.orderId() != input.order() || item.productId() != input.product()) {
            throw InvalidRequest.field(item.orderId() != input.order() ? "order" : "product",
                    "a line stays with its order and product; add a new line instead");
        }
        Order order = item.getOrder();
        int delta = input.quantity() - item.getQuantity();
        if (delta > 0) {
            placement.reserveOrFail(Map.of(item.productId(), delta));
        } else if (delta < 0) {
            stock.release(Map.of(item.productId(), -delta));
        }
        BigDecimal price = input.priceAtTimeOfOrder() != null ? input.priceAtTimeOfOrder() : item.getPriceAtTimeOfOrder();
        BigDecimal before = item.lineTotal();
        item.change(input.quantity(), price);
        order.recalculateTotal();
        OrderTotalLimit.check(order);
        facts.fire(new OrderLineChanged(order, item.productId(), delta, item.lineTotal().subtract(before), 0));
        facts.fire(new CustomerOrdersChanged(order.customerId()));
        return item;
    }

    public void remove(long id) {
        OrderItem item = lockedLine(id);
        Order order = item.getOrder();
        if (order.getItems().size() == 1) {
            throw new Conflict("An order keeps at least one line; cancel order " + order.getId() + " instead.");
        }
        stock.release(Map.of(item.productId(), item.getQuantity()));
        facts.fire(new OrderLineChanged(order, item.productId(), -item.getQuantity(), item.lineTotal().negate(), -1));
        order.removeItem(item);
        facts.fire(new CustomerOrdersChanged(order.customerId()));
    }

    /**
     * The line, read again after its order is locked: a concurrent edit of the same line has committed by
     * then, and the stock and total deltas must start from its result.
     */
    private OrderItem lockedLine(long id) {
        OrderItem item = Lookup.byId(em, OrderItem.class, id, "Order item");
        pendingOrder(item.orderId());
        em.refresh(item);
        return item;
    }

    /** Locked; pending and not refunded, since refunds are counted against the lines as they were bought. */
    private Order pendingOrder(long id) {
        Order order = em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw InvalidRequest.field("order", "order " + id + " does not exist");
        }
        if (order.getStatus() != OrderStatus.PENDING) {
            throw new Conflict("Order " + id + " is " + order.getStatus().code() + "; only a pending order's lines change.");
        }
        if (refunds.exist(order)) {
            throw new Conflict("Order " + id + " has refunds; its lines no longer change.");
        }
        return order;
    }
}
