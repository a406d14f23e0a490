package com.ecommerce.analytics.platform.errors;

/** One rejected request field, named as the client spelled it in JSON. */
public record FieldError(String field, String message) {
}
