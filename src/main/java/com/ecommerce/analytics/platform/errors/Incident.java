package com.ecommerce.analytics.platform.errors;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An unexpected failure, logged under a random id that the client also receives, so that an operator
 * handed the id finds the stack trace with the request that caused it.
 */
final class Incident {

    private static final Logger LOG = Logger.getLogger(Incident.class.getName());

    private Incident() {
    }

    /** The user is the caller's name, or null for a request without a token; the request id is its X-Request-Id. */
    static ApiError record(String method, String path, String user, String requestId, Throwable failure) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + id + ": " + method + " " + path + " by " + (user == null ? "an anonymous client"
                : "user " + user) + " (request " + requestId + ") failed unexpectedly", failure);
        return ApiError.incident(id, "An unexpected error occurred; it has been logged as incident " + id + ".");
    }
}
