package com.ecommerce.analytics.platform.errors;

import java.util.ArrayList;
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

    /**
     * The field as the client wrote it in JSON: "price", "SKU", "items[1].quantity", "tags[0]"; a whole body or
     * query parameter keeps its own name.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable() && node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getKind() == ElementKind.PROPERTY) {
                    boolean leaf = i == nodes.size() - 1 && violation.getLeafBean() != null;
                    String name = leaf ? JsonNames.of(violation.getLeafBean().getClass(), node.getName())
                            : JsonNames.of(node.getName());
                    field.append(field.isEmpty() ? "" : ".").append(name);
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : JsonNames.of(parameter);
    }
}
