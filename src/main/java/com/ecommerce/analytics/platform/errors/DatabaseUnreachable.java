package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

/**
 * The connection to the database was refused or lost mid-request, as during a database node's failover; the same
 * request is likely to find a live node a moment later. A write may have been committed before the connection went.
 */
public class DatabaseUnreachable extends ApiException {

    static final int RETRY_AFTER_SECONDS = 2;

    public DatabaseUnreachable(Throwable connectionFailure) {
        super(Status.SERVICE_UNAVAILABLE, "The connection to the database was lost; try again in a moment. A change "
                + "may have been saved before it was lost: send an order again with the same Idempotency-Key, or read "
                + "the current state before sending another change.", RETRY_AFTER_SECONDS);
        initCause(connectionFailure);
    }
}
