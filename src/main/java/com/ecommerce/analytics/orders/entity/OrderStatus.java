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

    /** pending -> shipped -> delivered; pending and shipped may be canceled; a canceled order may be reopened. */
    public boolean canBecome(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == SHIPPED || next == CANCELED;
            case SHIPPED -> next == DELIVERED || next == CANCELED;
            case DELIVERED -> false;
            case CANCELED -> next == PENDING;
        };
    }

    /** Whether the order's goods are spoken for (reserved, on their way or delivered). */
    public boolean holdsStock() {
        return this != CANCELED;
    }

    public static Optional<OrderStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equalsIgnoreCase(code)).findFirst();
    }
}
