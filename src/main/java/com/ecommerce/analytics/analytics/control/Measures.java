package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;

/**
 * What the sales aggregates count: units and gross of orders not canceled, the orders counted, and the
 * refunded units and amounts. Equal measures compare equal whatever their decimal scale.
 */
public record Measures(long units, BigDecimal gross, long orders, long refundedUnits, BigDecimal refunds) {

    public static final Measures NONE = new Measures(0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO);

    public static Measures sale(long units, BigDecimal gross, long orders) {
        return new Measures(units, gross, orders, 0, BigDecimal.ZERO);
    }

    public static Measures refund(long units, BigDecimal amount) {
        return new Measures(0, BigDecimal.ZERO, 0, units, amount);
    }

    public Measures plus(Measures other) {
        return new Measures(units + other.units, gross.add(other.gross), orders + other.orders,
                refundedUnits + other.refundedUnits, refunds.add(other.refunds));
    }

    public Measures minus(Measures other) {
        return new Measures(units - other.units, gross.subtract(other.gross), orders - other.orders,
                refundedUnits - other.refundedUnits, refunds.subtract(other.refunds));
    }

    public Measures times(int factor) {
        return new Measures(units * factor, gross.multiply(BigDecimal.valueOf(factor)), orders * factor,
                refundedUnits * factor, refunds.multiply(BigDecimal.valueOf(factor)));
    }

    public boolean isZero() {
        return sameAs(NONE);
    }

    boolean sameAs(Measures other) {
        return units == other.units && gross.compareTo(other.gross) == 0 && orders == other.orders
                && refundedUnits == other.refundedUnits && refunds.compareTo(other.refunds) == 0;
    }

    public BigDecimal net() {
        return gross.subtract(refunds);
    }
}
