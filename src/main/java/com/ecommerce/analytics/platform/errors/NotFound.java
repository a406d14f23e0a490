package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

public class NotFound extends ApiException {

    public NotFound(String message) {
        super(Status.NOT_FOUND, message);
    }

    public static NotFound of(String what, Object id) {
        return new NotFound(what + " " + id + " does not exist.");
    }
}
