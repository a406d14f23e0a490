package com.ecommerce.analytics.platform.errors;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;

public class InvalidRequest extends ApiException {

    public InvalidRequest(String message) {
        super(Status.BAD_REQUEST, message);
    }

    public InvalidRequest(String message, List<FieldError> fields) {
        super(Status.BAD_REQUEST, message, fields);
    }

    public static InvalidRequest field(String field, String message) {
        return new InvalidRequest(field + ": " + message, List.of(new FieldError(field, message)));
    }
}
