package com.ecommerce.analytics.analytics.repair;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether the aggregates are still catching up after a start, asked of the database at most once a second. */
@ApplicationScoped
public class AggregatesStatus {

    private static final long FRESH_FOR_NANOS = 1_000_000_000L;

    private record Reading(boolean catchingUp, long atNanos) {
    }

    @Inject
    AggregatesTimeZone timeZone;

    private volatile Reading last;

    public boolean isCatchingUp() {
        long now = System.nanoTime();
        Reading reading = last;
        if (reading == null || now - reading.atNanos() > FRESH_FOR_NANOS) {
            reading = new Reading(!timeZone.isCurrent(), now);
            last = reading;
        }
        return reading.catchingUp();
    }
}
