package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

/** 413: a request body beyond what the operation takes; the message states the limit. */
public class TooLarge extends ApiException {

    public TooLarge(String message) {
        super(Status.REQUEST_ENTITY_TOO_LARGE, message);
    }
}
