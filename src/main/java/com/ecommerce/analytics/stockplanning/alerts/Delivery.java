package com.ecommerce.analytics.stockplanning.alerts;

/** Where an alert stands in its webhook delivery. */
final class Delivery {

    static final String NOT_CONFIGURED = "not_configured";
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    private Delivery() {
    }
}
