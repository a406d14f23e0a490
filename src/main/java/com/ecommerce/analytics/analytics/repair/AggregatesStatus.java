package com.ecommerce.analytics.analytics.repair;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether the aggregates are still catching up after a start, asked of the database at most once a second. */
@ApplicationScoped
public class AggregatesStatus {

    private static final long FRESH_FOR_NANOS = 1_000_000_000L;

    @Inject
    AggregatesTimeZone timeZone;

    private volatile boolean catchingUp = true;
    private volatile long checkedAt;
    private volatile boolean everChecked;

    public boolean isCatchingUp() {
        long now = System.nanoTime();
        if (!everChecked || now - checkedAt > FRESH_FOR_NANOS) {
            catchingUp = !timeZone.isCurrent();
            checkedAt = now;
            everChecked = true;
        }
        return catchingUp;
    }
}
