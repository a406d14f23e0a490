package com.ecommerce.analytics.orders.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum OrderStatus {
    PENDING, SHIPPED, DELIVERED, CANCELED;

    /** The lower-case spelling the earlier service used in JSON and in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equalsIgnoreCase(code)).findFirst();
    }
}
