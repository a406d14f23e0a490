package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

public class Conflict extends ApiException {

    public Conflict(String message) {
        super(Status.CONFLICT, message);
    }
}
