package com.ecommerce.analytics.platform.errors;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;

/**
 * The one JSON shape of every error. {@code detail} repeats the message because the earlier
 * service's (Django REST framework) clients read errors from that field. {@code incident} appears on
 * unexpected failures only: the id under which the server logged it, for the client to quote. Members without a
 * value are left out (unlike in other answers), as the earlier service's errors had only those that apply.
 */
@JsonbNillable(false)
@JsonbPropertyOrder({"status", "error", "message", "detail", "fields", "shortages", "incident"})
public record ApiError(int status, String error, String message, String detail, List<FieldError> fields,
                       List<?> shortages, String incident) {

    public static ApiError of(StatusType status, String message, List<FieldError> fields) {
        return new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, message,
                fields.isEmpty() ? null : fields, null, null);
    }

    public static ApiError incident(String incident, String message) {
        Status status = Status.INTERNAL_SERVER_ERROR;
        return new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, message, null, null, incident);
    }

    public static Response response(StatusType status, String message) {
        return response(status, message, List.of());
    }

    public static Response response(StatusType status, String message, List<FieldError> fields) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(of(status, message, fields))
                .build();
    }

    public static Response response(ApiException failure) {
        ApiError error = of(failure.status(), failure.getMessage(), failure.fields());
        if (!failure.shortages().isEmpty()) {
            error = new ApiError(error.status(), error.error(), error.message(), error.detail(), error.fields(),
                    failure.shortages(), null);
        }
        return Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    public static Response response(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
