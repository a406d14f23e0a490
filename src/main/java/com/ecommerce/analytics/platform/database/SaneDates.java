package com.ecommerce.analytics.platform.database;

import java.time.Duration;
import java.time.Instant;

import com.ecommerce.analytics.platform.errors.InvalidRequest;

/**
 * The dates a store's records can have: an order or a customer's registration from 1970 to a day ahead of now (a
 * back-dated entry, or a clock a few hours ahead), a refund between its order and now. A date beyond them is a
 * typing slip that would sit in every report for good.
 */
public final class SaneDates {

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Duration AHEAD = Duration.ofDays(1);

    private SaneDates() {
    }

    public static Instant orderDate(Instant date) {
        return pastOrToday("order_date", date);
    }

    public static Instant registrationDate(Instant date) {
        return pastOrToday("registration_date", date);
    }

    private static Instant pastOrToday(String field, Instant date) {
        if (date.isBefore(EARLIEST) || date.isAfter(StoredTime.now().plus(AHEAD))) {
            throw InvalidRequest.field(field, date + " lies outside 1970-01-01 to a day ahead of now");
        }
        return date;
    }

    public static Instant refundDate(Instant date, Instant orderDate) {
        if (date.isAfter(StoredTime.now())) {
            throw InvalidRequest.field("refund_date", date + " is in the future; a refund is dated when it is made");
        }
        if (date.isBefore(orderDate)) {
            throw InvalidRequest.field("refund_date", "cannot be before the order date " + orderDate);
        }
        return date;
    }
}
