package com.ecommerce.analytics.customermodels.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/** RFM segments over HTTP (the IT server rescores every second: RFM_FRESH_SECONDS=1). */
class SegmentsIT {

    @Test
    void theSegmentsShareOutEveryCustomerWithAnOrder() {
        JsonObject summary = getObject("api/analytics/segments/", analyst());
        List<JsonObject> segments = summary.getJsonArray("segments").getValuesAs(JsonObject.class);

        assertEquals(10, segments.size());
        long customers = summary.getJsonNumber("customers").longValue();
        assertTrue(customers > 0);
        assertEquals(customers, segments.stream().mapToLong(s -> s.getJsonNumber("customers").longValue()).sum());
        assertEquals(1.0, segments.stream().mapToDouble(s -> s.getJsonNumber("share").doubleValue()).sum(), 0.001);
        for (JsonObject segment : segments) {
            try (Response page = request("api/analytics/segments/" + segment.getString("segment") + "/?limit=3", analyst())
                    .get()) {
                assertEquals(200, page.getStatus());
                long total = Long.parseLong(page.getHeaderString("X-Total-Count"));
                assertTrue(Math.abs(total - segment.getJsonNumber("customers").longValue()) <= 5,
                        "rescored since, by a few new customers at most: " + total + " vs " + segment);
                JsonArray members = (JsonArray) Api.parse(page.readEntity(String.class));
                BigDecimal previous = null;
                for (JsonObject member : members.getValuesAs(JsonObject.class)) {
                    assertEquals(segment.getString("segment"), member.getString("segment"));
                    BigDecimal spend = new BigDecimal(member.getString("spend"));
                    assertTrue(previous == null || previous.compareTo(spend) >= 0, "biggest spenders first");
                    previous = spend;
                }
            }
        }
    }

    @Test
    void aFirstTimeBuyerOfTodayIsANewCustomerOnItsLifetimeValue() throws InterruptedException {
        long customer = Store.customer("FR");
        created("api/orders/", admin(), Store.order(customer, Store.product("8.00", 5), 1));

        JsonObject rfm = null;
        for (int poll = 0; poll < 40 && (rfm == null || rfm.isEmpty()); poll++) {
            Thread.sleep(250);
            JsonObject clv = getObject("api/customer/" + customer + "/clv/", analyst());
            rfm = clv.isNull("rfm") ? null : clv.getJsonObject("rfm");
        }

        assertTrue(rfm != null, "scored within ten seconds");
        assertEquals(5, rfm.getInt("recency"), "no customer ordered more recently: " + rfm);
        assertEquals(1, rfm.getInt("frequency"), "no customer has fewer orders: " + rfm);
        assertEquals("new_customers", rfm.getString("segment"));
        String email = getObject("api/customers/" + customer + "/", admin()).getString("email");
        JsonObject row = Api.getObjectFromList("api/analytics/customers/?search=" + email, analyst());
        assertEquals("new_customers", row.getString("rfm_segment"), "the segment shows on the customers report too");
        JsonObject newcomer = Api.getObjectFromList("api/analytics/segments/new_customers/?limit=1000", analyst());
        assertTrue(newcomer != null);
    }

    @Test
    void unknownSegmentsAndStrangersAreRefused() {
        assertJsonError(request("api/analytics/segments/big_spenders/", analyst()).get(), 404);
        assertJsonError(request("api/analytics/segments/champions/?limit=0", analyst()).get(), 400);
        assertJsonError(request("api/analytics/segments/?colour=red", analyst()).get(), 400);
        assertJsonError(request("api/analytics/segments/").get(), 401);
        try (Response csv = request("api/analytics/segments/", analyst(), "text/csv").get()) {
            assertEquals(200, csv.getStatus());
            assertTrue(csv.readEntity(String.class).lines().count() == 11, "a row per segment under the header");
        }
    }
}
