package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

/** The client (an account or an address) asked too often; it may ask again after the given seconds. */
public class TooManyRequests extends ApiException {

    public TooManyRequests(String message, int retryAfterSeconds) {
        super(Status.TOO_MANY_REQUESTS, message, Math.max(1, retryAfterSeconds));
    }
}
