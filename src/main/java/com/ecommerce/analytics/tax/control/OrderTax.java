package com.ecommerce.analytics.tax.control;

import java.math.BigDecimal;
import java.util.List;

import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.platform.money.InStoreCurrency;
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
                       BigDecimal taxableAmount, BigDecimal tax, BigDecimal totalWithTax, String rounding)
                               implements InStoreCurrency {
    }

    static final String ROUNDING = "taxable amount x rate, rounded half up to the cent, once per order";

    @PersistenceContext
    EntityManager em;

    @Inject
    TaxRates rates;

    /** One read for the order and its refunds, one for the rate: the request is a few milliseconds. */
    public Bill of(long orderId) {
        List<TaxableOrder> found = em.createQuery("SELECT NEW com.ecommerce.analytics.tax.control.TaxableOrder(o.country, "
                + "o.status, o.totalAmount, (SELECT COALESCE(SUM(r.amount), 0) FROM Refund r WHERE r.order = o)) "
                + "FROM Order o WHERE o.id = :id", TaxableOrder.class)
                .setParameter("id", orderId).getResultList();
        if (found.isEmpty()) {
            throw NotFound.of("Order", orderId);
        }
        TaxableOrder order = found.get(0);
        BigDecimal total = order.totalAmount();
        BigDecimal refunds = order.refunds().setScale(2);
        BigDecimal taxable = order.status() == OrderStatus.CANCELED ? BigDecimal.ZERO.setScale(2) : total.subtract(refunds);
        TaxRate rate = rates.forCountry(order.country());
        BigDecimal tax = rate.taxOn(taxable);
        return new Bill(orderId, order.country().value(), rate.getRate(), total, refunds, taxable, tax, taxable.add(tax),
                ROUNDING);
    }
}
