package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import com.ecommerce.analytics.customers.entity.Customer;
import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.database.Lookup;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What a customer is worth so far: net spend over orders that were not canceled, less their refunds. */
@Stateless
public class CustomerValue {

    public record Clv(long customer, BigDecimal lifetimeValue, BigDecimal grossSpend, BigDecimal refunds, long orders,
                      BigDecimal averageOrderValue, Instant firstOrderDate, Instant lastOrderDate) {
    }

    @PersistenceContext
    EntityManager em;

    public Clv of(long customerId) {
        Customer customer = Lookup.byId(em, Customer.class, customerId, "Customer");
        Object[] orders = em.createQuery("SELECT COUNT(o), COALESCE(SUM(o.totalAmount), 0) "
                        + "FROM Order o WHERE o.customer = :customer AND o.status <> :canceled", Object[].class)
                .setParameter("customer", customer)
                .setParameter("canceled", OrderStatus.CANCELED)
                .getSingleResult();
        BigDecimal refunds = em.createQuery("SELECT COALESCE(SUM(r.amount), 0) FROM Refund r WHERE r.order.customer = "
                        + ":customer AND r.order.status <> :canceled", BigDecimal.class)
                .setParameter("customer", customer)
                .setParameter("canceled", OrderStatus.CANCELED)
                .getSingleResult().setScale(2);
        long count = ((Number) orders[0]).longValue();
        BigDecimal gross = new BigDecimal(orders[1].toString()).setScale(2);
        BigDecimal net = gross.subtract(refunds);
        BigDecimal average = count == 0 ? BigDecimal.ZERO.setScale(2)
                : net.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
        return new Clv(customer.getId(), net, gross, refunds, count, average, orderDate(customer, "ASC"),
                orderDate(customer, "DESC"));
    }

    /** First or last order date; read as an attribute, not MIN/MAX, so the UTC converter applies. */
    private Instant orderDate(Customer customer, String direction) {
        return em.createQuery("SELECT o.orderDate FROM Order o WHERE o.customer = :customer AND o.status <> :canceled "
                        + "ORDER BY o.orderDate " + direction, Instant.class)
                .setParameter("customer", customer)
                .setParameter("canceled", OrderStatus.CANCELED)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }
}
