package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

/** A bounded resource of the server (not the database) is taken; the same request will do in a moment. */
public class ServerBusy extends ApiException {

    private final int retryAfterSeconds;

    public ServerBusy(String message, int retryAfterSeconds) {
        super(Status.SERVICE_UNAVAILABLE, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
