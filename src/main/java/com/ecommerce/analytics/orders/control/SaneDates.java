package com.ecommerce.analytics.orders.control;

import java.time.Duration;
import java.time.Instant;

import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.errors.InvalidRequest;

/**
 * The dates a store's orders and refunds can have: an order from 1970 to a day ahead of now (a back-dated entry,
 * or a clock a few hours ahead), a refund between its order and now. A date beyond them is a typing slip that
 * would sit in every report for good.
 */
final class SaneDates {

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Duration AHEAD = Duration.ofDays(1);

    private SaneDates() {
    }

    static Instant orderDate(Instant date) {
        if (date.isBefore(EARLIEST) || date.isAfter(StoredTime.now().plus(AHEAD))) {
            throw InvalidRequest.field("order_date", date + " lies outside 1970-01-01 to a day ahead of now");
        }
        return date;
    }

    static Instant refundDate(Instant date, Instant orderDate) {
        if (date.isAfter(StoredTime.now())) {
            throw InvalidRequest.field("refund_date", date + " is in the future; a refund is dated when it is made");
        }
        if (date.isBefore(orderDate)) {
            throw InvalidRequest.field("refund_date", "cannot be before the order date " + orderDate);
        }
        return date;
    }
}
