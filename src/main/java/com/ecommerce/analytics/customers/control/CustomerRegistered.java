package com.ecommerce.analytics.customers.control;

/** A new customer was written, inside the transaction that creates it. */
public record CustomerRegistered(long customerId) {
}
