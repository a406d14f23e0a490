package com.ecommerce.analytics.platform.errors;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ecommerce.analytics.platform.json.JsonNames;
import com.ecommerce.analytics.platform.json.WholeNumbers;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON for the operation: 400, naming the field when a value of it was refused. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    /** How the JSON-B implementation (Yasson) names the property it could not read. */
    private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");

    @Override
    public Response toResponse(JsonbException exception) {
        String refused = null;
        String field = null;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            Matcher property = PROPERTY.matcher(message);
            if (property.find()) {
                // outermost first: items.quantity
                field = (field == null ? "" : field + ".") + JsonNames.of(property.group(1));
            }
            if (message.contains(WholeNumbers.REFUSED)) {
                refused = message.substring(message.lastIndexOf(": ") + 1).trim();
            }
        }
        if (refused != null && field != null) {
            return ApiError.response(new InvalidRequest(field + ": " + refused,
                    List.of(new FieldError(field, refused))));
        }
        return ApiError.response(Status.BAD_REQUEST, Messages.MALFORMED_JSON);
    }
}
