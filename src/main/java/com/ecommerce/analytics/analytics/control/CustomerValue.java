package com.ecommerce.analytics.analytics.control;

import com.ecommerce.analytics.customermodels.model.CustomerForecast;
import com.ecommerce.analytics.customermodels.model.CustomerSegment;

import java.math.BigDecimal;
import java.time.Instant;

import com.ecommerce.analytics.customers.entity.Customer;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.money.InStoreCurrency;

import jakarta.ejb.Stateless;
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

    /** Read from customer_stats, which SalesLedger keeps with every order, status change and refund. */
    public Clv of(long customerId) {
        Customer customer = Lookup.byId(em, Customer.class, customerId, "Customer");
        CustomerStats stats = SqlRow.read(em.createNativeQuery("SELECT orders, gross, refunds, first_order_date, last_order_date "
                        + "FROM customer_stats WHERE customer_id = ?")
                .setParameter(1, customer.getId()), row -> CustomerStats.of(row, 0))
                .stream().findFirst()
                .orElse(CustomerStats.NONE);
        return new Clv(customer.getId(), stats.spend(), stats.gross(), stats.refunds(), stats.orders(),
                stats.averageOrderValue(), stats.firstOrderDate(), stats.lastOrderDate(), null,
                null);
    }
}
