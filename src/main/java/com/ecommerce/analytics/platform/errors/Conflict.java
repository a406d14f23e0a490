package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

public class Conflict extends ApiException {

    public Conflict(String message) {
        this(message, 0);
    }

    /** A conflict with work in progress, which the same request no longer meets after about this many seconds. */
    public Conflict(String message, int retryAfterSeconds) {
        super(Status.CONFLICT, message, retryAfterSeconds);
    }
}
