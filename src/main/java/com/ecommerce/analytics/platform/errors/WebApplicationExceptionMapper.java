package com.ecommerce.analytics.platform.errors;

import java.util.Set;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
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

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Inject
    BeanManager beans;

    /** How the JAX-RS runtime names a query or header parameter it could not convert. */
    private static final Pattern PARAMETER = Pattern.compile("(?:QueryParam|HeaderParam)\\(\"([^\"]+)\"\\)");

    @Override
    public Response toResponse(WebApplicationException exception) {
        String parameter = unconvertible(exception);
        if (parameter != null) {
            // A value the client sent that does not fit the parameter's type is its mistake (400), not a missing page.
            return ApiError.response(InvalidRequest.field(parameter, "'" + value(parameter) + "' is not a valid value for "
                    + parameter + " (a whole number where one is expected, within its range)"));
        }
        Response.StatusType status = exception.getResponse().getStatusInfo();
        Response mapped = ApiError.response(status, messageFor(exception, status));
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> mapped.getHeaders().add(name, value));
            }
        });
        return mapped;
    }

    private static String unconvertible(WebApplicationException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            Matcher named = PARAMETER.matcher(String.valueOf(cause.getMessage()));
            if (named.find()) {
                return named.group(1);
            }
        }
        return null;
    }

    private String value(String parameter) {
        String value = uri.getQueryParameters().getFirst(parameter);
        return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "..." : value;
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
            case UNSUPPORTED_MEDIA_TYPE -> unsupportedType();
            case NOT_ACCEPTABLE -> "Cannot produce the requested media type.";
            case BAD_REQUEST -> "The request is malformed.";
            default -> status.getReasonPhrase();
        };
    }

    /** The body types this path takes for the request's method, for a 415 that says what to send instead. */
    private String unsupportedType() {
        Set<String> taken = AcceptedBodyTypes.of(beans, uri.getPath(), request.getMethod());
        MediaType sent = headers.getMediaType();
        return "The body was sent as " + (sent == null ? "no media type" : sent.getType() + "/" + sent.getSubtype())
                + "; " + (taken.isEmpty() ? "this operation takes no body of that type."
                : "send it as " + String.join(" or ", taken) + ".");
    }
}
