package com.ecommerce.analytics.platform.rest;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** Validates a request body built outside JAX-RS (a merged PATCH) exactly as an incoming one. */
@ApplicationScoped
public class RequestValidation {

    @Inject
    Validator validator;

    public <T> T check(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
