package com.ecommerce.analytics.orders.control;

/** Something of the customer's orders or refunds changed; fired after the change is written. */
public record CustomerOrdersChanged(long customerId) {
}
