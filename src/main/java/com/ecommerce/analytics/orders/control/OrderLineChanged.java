package com.ecommerce.analytics.orders.control;

import java.math.BigDecimal;

import com.ecommerce.analytics.orders.entity.Order;

/**
 * A line of a counted order was added (linesDelta 1), changed (0) or is about to be removed (-1); the order's
 * items are as they are before a removal.
 */
public record OrderLineChanged(Order order, long product, int unitsDelta, BigDecimal grossDelta, int linesDelta) {
}
