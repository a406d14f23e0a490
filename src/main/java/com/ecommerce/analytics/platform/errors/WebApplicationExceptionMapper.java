package com.ecommerce.analytics.platform.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the JAX-RS runtime's own failures (no such path, wrong method, bad body...) into the JSON shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        Response mapped = ApiError.response(status, messageFor(exception, status));
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> mapped.getHeaders().add(name, value));
            }
        });
        return mapped;
    }

    private String messageFor(WebApplicationException exception, Response.StatusType status) {
        if (exception instanceof BadRequestException && Causes.include(exception, JsonbException.class)) {
            return Messages.MALFORMED_JSON;
        }
        return switch (Status.fromStatusCode(status.getStatusCode()) == null ? Status.INTERNAL_SERVER_ERROR
                : Status.fromStatusCode(status.getStatusCode())) {
            case NOT_FOUND -> "Not found: /" + uri.getPath().replaceFirst("^/", "");
            case METHOD_NOT_ALLOWED -> "This method is not allowed on /" + uri.getPath().replaceFirst("^/", "") + ".";
            case UNAUTHORIZED -> Messages.NOT_AUTHENTICATED;
            case FORBIDDEN -> Messages.FORBIDDEN;
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type; send application/json.";
            case NOT_ACCEPTABLE -> "Cannot produce the requested media type.";
            case BAD_REQUEST -> "The request is malformed.";
            default -> status.getReasonPhrase();
        };
    }

}
