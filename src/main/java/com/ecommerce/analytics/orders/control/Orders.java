package com.ecommerce.analytics.orders.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderItem;
import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.database.Listing;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.platform.rest.SortOrder;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;

/** Reading orders and their lines. A page of orders with items costs three statements, whatever its size. */
@Stateless
public class Orders {

    public static final Map<String, String> ORDERING = Map.of("id", "id", "order_date", "orderDate",
            "total_amount", "totalAmount", "status", "status", "customer", "customerId");
    public static final Map<String, String> ITEM_ORDERING = Map.of("id", "id", "order", "orderId",
            "product", "productId", "quantity", "quantity", "price_at_time_of_order", "priceAtTimeOfOrder");

    /** Orders placed in [from, to), any of the given statuses (all when empty). */
    public record Filter(Long customer, List<OrderStatus> statuses, Instant from, Instant to) {
    }

    @PersistenceContext
    EntityManager em;

    /** Without a transaction, which would add three round trips to the listing's statements. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<Order> list(Filter filter, SortOrder sort, PageRequest page) {
        Page<Order> orders = Listing.of(em, Order.class).where(filter, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.customer() != null) {
                where.add(cb.equal(root.get("customerId"), filter.customer()));
            }
            if (!filter.statuses().isEmpty()) {
                where.add(root.get("status").in(filter.statuses()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("orderDate"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("orderDate"), filter.to()));
            }
            return where;
        }).page(sort, page);
        orders.items().forEach(order -> order.getItems().size());
        return orders;
    }

    public Order find(long id) {
        return Lookup.byId(em, Order.class, id, "Order");
    }

    /** An order to show, its lines with it: one statement and no transaction, where find took two and a transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Order view(long id) {
        return em.createQuery("SELECT DISTINCT o FROM Order o LEFT JOIN FETCH o.items WHERE o.id = :id", Order.class)
                .setParameter("id", id).getResultStream().findFirst().orElseThrow(() -> NotFound.of("Order", id));
    }

    public Page<OrderItem> items(Long order, Long product, SortOrder sort, PageRequest page) {
        return Listing.of(em, OrderItem.class).where((cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (order != null) {
                where.add(cb.equal(root.get("orderId"), order));
            }
            if (product != null) {
                where.add(cb.equal(root.get("productId"), product));
            }
            return where;
        }).page(sort, page);
    }

    public OrderItem item(long id) {
        return Lookup.byId(em, OrderItem.class, id, "Order item");
    }
}
