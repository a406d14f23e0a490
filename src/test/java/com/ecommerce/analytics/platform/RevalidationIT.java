package com.ecommerce.analytics.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.ws.rs.core.Response;

/** Analytics answers carry an ETag of their body; a client that holds that body gets 304 and no body. */
class RevalidationIT {

    private static final String COUNTRIES = "api/analytics/sales/?type=revenue_by_country&start_date=1999-01-01&end_date=1999-01-31";

    @Test
    void anAnalyticsAnswerIsRevalidatedWithItsETag() {
        String token = Api.analyst();
        String etag;
        String body;
        try (Response first = Api.request(COUNTRIES, token).get()) {
            assertEquals(200, first.getStatus());
            etag = first.getHeaderString("ETag");
            assertNotNull(etag);
            assertTrue(etag.matches("W/\"[A-Za-z0-9_-]{27}\""), etag);
            assertEquals("private, max-age=60", first.getHeaderString("Cache-Control"));
            body = first.readEntity(String.class);
            assertTrue(body.startsWith("{") || body.startsWith("["), body);
        }
        try (Response again = Api.request(COUNTRIES, token).header("If-None-Match", etag).get()) {
            assertEquals(304, again.getStatus());
            assertEquals(etag, again.getHeaderString("ETag"));
            assertEquals("", again.readEntity(String.class));
        }
        try (Response other = Api.request(COUNTRIES, token).header("If-None-Match", "W/\"something-else\"").get()) {
            assertEquals(200, other.getStatus());
            assertEquals(body, other.readEntity(String.class));
        }
        try (Response otherMonth = Api.request(COUNTRIES.replace("revenue_by_country", "revenue_over_time"), token).get()) {
            assertNotEquals(etag, otherMonth.getHeaderString("ETag"), "another answer has another tag");
        }
    }
}
