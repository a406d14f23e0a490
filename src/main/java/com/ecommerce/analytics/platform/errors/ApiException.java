package com.ecommerce.analytics.platform.errors;

import java.util.List;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response.StatusType;

/** A failure the client can act on; mapped to the JSON error shape with its status. */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private final StatusType status;
    private final List<FieldError> fields;
    private final int retryAfterSeconds;

    public ApiException(StatusType status, String message) {
        this(status, message, List.of());
    }

    public ApiException(StatusType status, String message, List<FieldError> fields) {
        this(status, message, fields, 0);
    }

    /** A failure the same request no longer meets after about this many seconds (sent as Retry-After). */
    protected ApiException(StatusType status, String message, int retryAfterSeconds) {
        this(status, message, List.of(), retryAfterSeconds);
    }

    private ApiException(StatusType status, String message, List<FieldError> fields, int retryAfterSeconds) {
        super(message);
        this.status = status;
        this.fields = List.copyOf(fields);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public StatusType status() {
        return status;
    }

    /** Seconds after which the same request may succeed (sent as Retry-After), or 0 when it would fail again. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Machine-readable particulars beyond the message, for the error body (none by default). */
    public List<?> shortages() {
        return List.of();
    }

    public List<FieldError> fields() {
        return fields;
    }
}
