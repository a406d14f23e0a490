package com.ecommerce.analytics.orders.control;

import java.math.BigDecimal;
import java.text.DecimalFormat;

import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.platform.errors.Unprocessable;

/** An order's total is kept as DECIMAL(12,2): a bigger one is the client's to split, not a failed write. */
final class OrderTotalLimit {

    static final BigDecimal LARGEST = new BigDecimal("9999999999.99");

    private OrderTotalLimit() {
    }

    static void check(Order order) {
        if (order.getTotalAmount().compareTo(LARGEST) > 0) {
            DecimalFormat amounts = new DecimalFormat("#,##0.00");
            throw new Unprocessable("The order's total would be " + amounts.format(order.getTotalAmount())
                    + ", beyond the largest an order holds (" + amounts.format(LARGEST) + "); split it into several orders.");
        }
    }
}
