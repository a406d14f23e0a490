package com.ecommerce.analytics.tax.control;

import java.math.BigDecimal;

import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.tax.entity.TaxRate;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The tax of an order at the rate of the country it was sold to, on what the customer finally paid:
 * the total less refunds; a canceled order owes none.
 */
@Stateless
public class OrderTax {

    public record Bill(long order, String country, BigDecimal rate, BigDecimal totalAmount, BigDecimal refunds,
                       BigDecimal taxableAmount, BigDecimal tax, BigDecimal totalWithTax, String rounding) {
    }

    static final String ROUNDING = "taxable amount x rate, rounded half up to the cent, once per order";

    @PersistenceContext
    EntityManager em;

    @Inject
    TaxRates rates;

    public Bill of(long orderId) {
        Order order = Lookup.byId(em, Order.class, orderId, "Order");
        BigDecimal refunds = em.createQuery("SELECT COALESCE(SUM(r.amount), 0) FROM Refund r WHERE r.order = :order",
                BigDecimal.class).setParameter("order", order).getSingleResult().setScale(2);
        BigDecimal taxable = order.getStatus() == OrderStatus.CANCELED
                ? BigDecimal.ZERO.setScale(2) : order.getTotalAmount().subtract(refunds);
        TaxRate rate = rates.forCountry(order.getCountry());
        BigDecimal tax = rate.taxOn(taxable);
        return new Bill(order.getId(), order.getCountry().value(), rate.getRate(), order.getTotalAmount(), refunds,
                taxable, tax, taxable.add(tax), ROUNDING);
    }
}
