package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

/** A bounded resource of the server (not the database) is taken; the same request will do in a moment. */
public class ServerBusy extends ApiException {

    public ServerBusy(String message, int retryAfterSeconds) {
        super(Status.SERVICE_UNAVAILABLE, message, retryAfterSeconds);
    }
}
