package com.ecommerce.analytics.platform.errors;

import java.util.List;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response.Status;

/** A failure the client can act on; mapped to the JSON error shape with its status. */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private final Status status;
    private final List<FieldError> fields;

    public ApiException(Status status, String message) {
        this(status, message, List.of());
    }

    public ApiException(Status status, String message, List<FieldError> fields) {
        super(message);
        this.status = status;
        this.fields = List.copyOf(fields);
    }

    public Status status() {
        return status;
    }

    public List<FieldError> fields() {
        return fields;
    }
}
