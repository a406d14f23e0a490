package com.ecommerce.analytics.analytics.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import com.ecommerce.analytics.analytics.control.Measures;

/**
 * The sales of many orders and refunds written at once (an import), summed per store day the way
 * SalesLedger counts one order: a line on its order's day, a refund on its own day, every order once in
 * its country's day.
 */
public class SalesBatch {

    private final Function<Instant, LocalDate> dayOf;
    final Map<SalesRows.SalesKey, Measures> sales = new HashMap<>();
    final Map<SalesRows.CountryKey, Measures> countries = new HashMap<>();
    final Set<Long> customers = new HashSet<>();
    final List<OrderProducts> orderProducts = new ArrayList<>();

    record OrderProducts(LocalDate day, Set<Long> products) {
    }

    SalesBatch(Function<Instant, LocalDate> dayOf) {
        this.dayOf = dayOf;
    }

    /** An order of these products (each once): it counts once in its country's day and in each of their categories. */
    public void order(Instant date, String country, long customer, Collection<Long> products) {
        LocalDate day = dayOf.apply(date);
        countries.merge(new SalesRows.CountryKey(day, country), Measures.sale(0, BigDecimal.ZERO, 1), Measures::plus);
        customers.add(customer);
        orderProducts.add(new OrderProducts(day, Set.copyOf(products)));
    }

    public void line(Instant orderDate, String country, long product, int units, BigDecimal gross) {
        LocalDate day = dayOf.apply(orderDate);
        sales.merge(new SalesRows.SalesKey(day, product, country), Measures.sale(units, gross, 1), Measures::plus);
        countries.merge(new SalesRows.CountryKey(day, country), Measures.sale(units, gross, 0), Measures::plus);
    }

    public void refund(Instant refundDate, String country, long product, int units, BigDecimal amount, long customer) {
        LocalDate day = dayOf.apply(refundDate);
        Measures refunded = Measures.refund(units, amount);
        sales.merge(new SalesRows.SalesKey(day, product, country), refunded, Measures::plus);
        countries.merge(new SalesRows.CountryKey(day, country), refunded, Measures::plus);
        customers.add(customer);
    }

    boolean isEmpty() {
        return sales.isEmpty() && countries.isEmpty();
    }
}
