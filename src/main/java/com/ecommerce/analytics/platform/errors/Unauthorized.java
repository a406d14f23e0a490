package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

public class Unauthorized extends ApiException {

    public Unauthorized(String message) {
        super(Status.UNAUTHORIZED, message);
    }
}
