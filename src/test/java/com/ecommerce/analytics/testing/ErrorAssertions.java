package com.ecommerce.analytics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every error leaves the server in one JSON shape: status, error, message (and detail, fields). */
public final class ErrorAssertions {

    private ErrorAssertions() {
    }

    public static JsonObject assertJsonError(Response response, int status) {
        String body = response.readEntity(String.class);
        assertEquals(status, response.getStatus(), body);
        assertTrue(response.getMediaType() != null && response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE),
                "content type " + response.getMediaType() + " of " + body);
        JsonObject error = (JsonObject) Api.parse(body);
        assertEquals(status, error.getInt("status"));
        assertFalse(error.getString("message").isBlank());
        assertEquals(error.getString("message"), error.getString("detail"));
        assertFalse(body.contains("Exception"), "no stack trace or exception name: " + body);
        return error;
    }
}
