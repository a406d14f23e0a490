package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.time.Instant;

import com.ecommerce.analytics.customermodels.model.CustomerForecast;
import com.ecommerce.analytics.customermodels.model.CustomerSegment;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.platform.money.InStoreCurrency;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What a customer is worth so far: net spend over orders that were not canceled, less their refunds. */
@Stateless
public class CustomerValue {

    /**
     * predicted is null without a fitted customer model, or for a customer without an order; rfm is null for a
     * customer without an order.
     */
    public record Clv(long customer, BigDecimal lifetimeValue, BigDecimal grossSpend, BigDecimal refunds, long orders,
                      BigDecimal averageOrderValue, Instant firstOrderDate, Instant lastOrderDate,
                      CustomerForecast predicted, CustomerSegment rfm) implements InStoreCurrency {

        public Clv with(CustomerForecast forecast, CustomerSegment segment) {
            return new Clv(customer, lifetimeValue, grossSpend, refunds, orders, averageOrderValue, firstOrderDate,
                    lastOrderDate, forecast, segment);
        }
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Read from customer_stats, which SalesLedger keeps with every order, status change and refund: one statement with
     * the customer's row, which says whether the customer exists, and no transaction.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Clv of(long customerId) {
        CustomerStats stats = SqlRow.read(em.createNativeQuery("SELECT s.orders, s.gross, s.refunds, s.first_order_date, "
                        + "s.last_order_date, s.customer_id FROM customer c LEFT JOIN customer_stats s "
                        + "ON s.customer_id = c.id WHERE c.id = ?")
                .setParameter(1, customerId), row -> row.present(5) ? CustomerStats.of(row, 0) : CustomerStats.NONE)
                .stream().findFirst()
                .orElseThrow(() -> NotFound.of("Customer", customerId));
        return new Clv(customerId, stats.spend(), stats.gross(), stats.refunds(), stats.orders(),
                stats.averageOrderValue(), stats.firstOrderDate(), stats.lastOrderDate(), null,
                null);
    }
}
