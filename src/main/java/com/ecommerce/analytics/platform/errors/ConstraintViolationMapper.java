package com.ecommerce.analytics.platform.errors;

import java.util.Comparator;
import java.util.List;

import com.ecommerce.analytics.platform.json.JsonNames;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation failures: 400 naming every rejected field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldError> fields = exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String summary = fields.stream().map(f -> f.field() + " " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return ApiError.response(Status.BAD_REQUEST, "Invalid request: " + summary + ".", fields);
    }

    /** The JSON name of the innermost property; a whole body or query parameter keeps its own name. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        boolean property = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
                property = node.getKind() == ElementKind.PROPERTY;
            }
        }
        if (name == null) {
            return "body";
        }
        return property && violation.getLeafBean() != null
                ? JsonNames.of(violation.getLeafBean().getClass(), name) : JsonNames.of(name);
    }
}
