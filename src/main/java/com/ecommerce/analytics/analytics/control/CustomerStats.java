package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A customer's row of customer_stats as the reports read it: orders not canceled, their gross and refunds
 * rounded to the cent, and when the first and last were placed. Spend is net: gross less refunds.
 */
record CustomerStats(long orders, BigDecimal gross, BigDecimal refunds, Instant firstOrderDate, Instant lastOrderDate) {

    /** A customer who has not ordered yet. */
    static final CustomerStats NONE = new CustomerStats(0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
            null, null);

    /** orders, gross, refunds, first_order_date and last_order_date read as consecutive columns from the given one on. */
    static CustomerStats of(SqlRow row, int first) {
        return new CustomerStats(row.whole(first), row.money(first + 1), row.money(first + 2), row.instant(first + 3),
                row.instant(first + 4));
    }

    BigDecimal spend() {
        return gross.subtract(refunds);
    }

    BigDecimal averageOrderValue() {
        return orders == 0 ? BigDecimal.ZERO.setScale(2) : spend().divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
    }
}
