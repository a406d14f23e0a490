package com.ecommerce.analytics.orders.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.customers.entity.Customer;
import com.ecommerce.analytics.inventory.control.StockReservation.Shortage;
import com.ecommerce.analytics.inventory.control.StockReservation;
import com.ecommerce.analytics.orders.entity.IdempotencyRecord;
import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.database.SaneDates;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.InvalidRequest;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Placing orders and moving them through their life, each in one transaction with its stock: either
 * the order and every reservation are written, or nothing is.
 */
@Stateless
public class OrderPlacement {

    @PersistenceContext
    EntityManager em;

    @Inject
    StockReservation stock;

    @Inject
    Refunds refunds;

    @Inject
    Event<Object> facts;

    public Order place(NewOrder input) {
        Customer customer = em.find(Customer.class, input.customer());
        if (customer == null) {
            throw InvalidRequest.field("customer", "customer " + input.customer() + " does not exist");
        }
        Map<Product, Integer> units = new LinkedHashMap<>();
        Map<Product, BigDecimal> prices = new LinkedHashMap<>();
        for (NewOrder.Line line : input.items()) {
            Product product = orderable(line.product());
            units.merge(product, line.quantity(), Integer::sum);
            BigDecimal price = line.unitPrice() != null ? line.unitPrice() : product.getPrice();
            BigDecimal earlier = prices.putIfAbsent(product, price);
            // An order holds a product once: two lines of it become one, which has one price.
            if (earlier != null && earlier.compareTo(price) != 0) {
                throw InvalidRequest.field("items", "product " + product.getId() + " is on two lines at two prices ("
                        + earlier.toPlainString() + " and " + price.toPlainString() + "): an order holds a product "
                        + "once, at one price");
            }
        }
        OrderStatus status = input.status() == null ? OrderStatus.PENDING : OrderStatus.fromCode(input.status()).orElseThrow();
        reserveOrFail(byProductId(units));
        Order order = new Order(customer, input.orderDate() != null ? SaneDates.orderDate(input.orderDate())
                : StoredTime.now());
        order.setStatus(status);
        units.forEach((product, quantity) -> order.addItem(product, quantity, prices.get(product)));
        OrderTotalLimit.check(order);
        em.persist(order);
        facts.fire(new OrderCounted(order, 1));
        facts.fire(new CustomerOrdersChanged(customer.getId()));
        return order;
    }

    /** Places the order and remembers its answer under the idempotency key, in the same transaction. */
    public String placeRemembering(NewOrder input, IdempotencyKeys.Key key, Function<Order, String> render) {
        Order order = place(input);
        em.flush();
        String body = render.apply(order);
        em.persist(new IdempotencyRecord(key.owner(), key.value(), key.requestHash(), 201, body,
                StoredTime.now(), StoredTime.now().plus(IdempotencyKeys.LIFETIME)));
        em.flush();
        return body;
    }

    /**
     * Applies the allowed transitions: canceling gives the stock back, reopening a canceled order takes
     * it again (409 if it is gone). The order row is locked, so two concurrent changes cannot both apply.
     */
    public Order change(long id, OrderChange change) {
        Order order = Lookup.byId(em, Order.class, id, "Order", LockModeType.PESSIMISTIC_WRITE);
        OrderStatus next = OrderStatus.fromCode(change.status()).orElseThrow();
        if (next != order.getStatus()) {
            if (!order.getStatus().canBecome(next)) {
                throw new Conflict("An order cannot go from " + order.getStatus().code() + " to " + next.code()
                        + " (pending -> shipped -> delivered; pending or shipped -> canceled; canceled -> pending).");
            }
            Map<Long, Integer> held = refunds.unitsStillHeld(order);
            if (order.getStatus().holdsStock() && !next.holdsStock()) {
                stock.release(held);
                countWithRefunds(order, -1);
            } else if (!order.getStatus().holdsStock() && next.holdsStock()) {
                reserveOrFail(held);
                countWithRefunds(order, 1);
            }
            order.setStatus(next);
        }
        if (change.orderDate() != null && !change.orderDate().equals(order.getOrderDate())) {
            redate(order, SaneDates.orderDate(change.orderDate()));
        }
        facts.fire(new CustomerOrdersChanged(order.customerId()));
        return order;
    }

    /**
     * Removes a pending order entered by mistake, giving its stock back. Anything further along (shipped,
     * delivered, canceled or refunded) is sales history and stays: 409.
     */
    public void remove(long id) {
        Order order = Lookup.byId(em, Order.class, id, "Order", LockModeType.PESSIMISTIC_WRITE);
        boolean refunded = refunds.exist(order);
        if (order.getStatus() != OrderStatus.PENDING || refunded) {
            throw new Conflict("Order " + id + " is " + order.getStatus().code() + (refunded ? " and refunded" : "")
                    + " and is kept for the sales history; only a pending order without refunds can be deleted.");
        }
        stock.release(refunds.unitsStillHeld(order));
        facts.fire(new OrderCounted(order, -1));
        em.remove(order);
        facts.fire(new CustomerOrdersChanged(order.customerId()));
    }

    /** Sales count on the order day, so a counted order moves to its new day in the aggregates too. */
    private void redate(Order order, Instant date) {
        boolean counted = order.getStatus().holdsStock();
        if (counted) {
            facts.fire(new OrderCounted(order, -1));
        }
        order.setOrderDate(date);
        if (counted) {
            facts.fire(new OrderCounted(order, 1));
        }
    }

    /** A canceled order's sales and refunds stop counting; a reopened one's count again. */
    private void countWithRefunds(Order order, int sign) {
        facts.fire(new OrderCounted(order, sign));
        refunds.of(order.getId()).forEach(refund -> facts.fire(new RefundCounted(refund, sign)));
    }

    /** Reserves the units or fails with 409 naming every short product. */
    public void reserveOrFail(Map<Long, Integer> units) {
        List<Shortage> shortages = stock.reserve(units);
        if (!shortages.isEmpty()) {
            throw new OutOfStock(shortages);
        }
    }

    /** The product, if it exists and is active; otherwise 400. */
    public Product orderable(long productId) {
        Product product = em.find(Product.class, productId);
        if (product == null) {
            throw InvalidRequest.field("items", "product " + productId + " does not exist");
        }
        if (!product.isActive()) {
            throw InvalidRequest.field("items", "product " + productId + " is not active and cannot be ordered");
        }
        return product;
    }

    private static Map<Long, Integer> byProductId(Map<Product, Integer> units) {
        Map<Long, Integer> byId = new LinkedHashMap<>();
        units.forEach((product, quantity) -> byId.put(product.getId(), quantity));
        return byId;
    }
}
