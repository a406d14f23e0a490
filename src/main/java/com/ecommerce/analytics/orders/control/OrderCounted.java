package com.ecommerce.analytics.orders.control;

import com.ecommerce.analytics.orders.entity.Order;

/**
 * An order starts (+1) or stops (-1) counting as a sale: it was placed, canceled, reopened, removed or moved to
 * another day. Fired inside the transaction that changes the order; observers keep what derives from it.
 */
public record OrderCounted(Order order, int sign) {
}
