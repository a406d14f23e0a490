package com.ecommerce.analytics.platform.errors;

/** Messages shared by the JAX-RS mappers and the servlet error page; worded as the earlier service's. */
final class Messages {

    static final String NOT_AUTHENTICATED =
            "Authentication credentials were not provided or are not valid (send 'Authorization: Bearer <access token>').";
    static final String FORBIDDEN = "You do not have permission to perform this action.";
    static final String MALFORMED_JSON = "The request body is not valid JSON for this operation.";

    private Messages() {
    }
}
