package com.ecommerce.analytics.analytics.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.Api.unique;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

class CustomersReportIT {

    private static String marker;

    @BeforeAll
    static void customers() {
        marker = unique("report").toLowerCase();
        long product = com.ecommerce.analytics.testing.Store.product("25.00", 100);
        long big = customer("big", "FR");
        long small = customer("small", "FR");
        customer("none", "IT");
        order(big, product, 4, "2025-02-01T10:00:00Z");
        long refunded = order(big, product, 2, "2025-03-01T10:00:00Z");
        created("api/orders/" + refunded + "/refunds/", admin(), "{\"items\":[{\"product\":" + product + ",\"quantity\":1}]}");
        order(small, product, 1, "2025-04-01T10:00:00Z");
        long canceled = order(small, product, 10, "2025-05-01T10:00:00Z");
        Api.patch("api/orders/" + canceled, admin(), "{\"status\":\"canceled\"}").close();
    }

    private static long customer(String name, String country) {
        return created("api/customers/", admin(), "{\"name\":\"" + name + "\",\"email\":\"" + name + "." + marker
                + "@example.com\",\"country\":\"" + country + "\"}").getInt("id");
    }

    private static long order(long customer, long product, int quantity, String date) {
        return created("api/orders/", admin(), "{\"customer\":" + customer + ",\"order_date\":\"" + date
                + "\",\"items\":[{\"product\":" + product + ",\"quantity\":" + quantity + "}]}").getInt("id");
    }

    private static JsonArray report(String query) {
        try (Response response = request("api/analytics/customers/?search=" + marker + "&" + query, analyst()).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }

    @Test
    void customersAreListedWithNetSpendOrdersAndAverageByDefaultBiggestFirst() {
        JsonArray all = report("");
        assertEquals(List.of("big", "small", "none"), all.stream().map(c -> ((JsonObject) c).getString("name")).toList());
        JsonObject big = all.getJsonObject(0);
        assertEquals("125.00", big.getString("spend"), "100 + 50 - 25 refunded");
        assertEquals("150.00", big.getString("gross_spend"));
        assertEquals("25.00", big.getString("refunds"));
        assertEquals(2, big.getInt("orders"));
        assertEquals("62.50", big.getString("average_order_value"));
        assertEquals("2025-02-01T10:00:00Z", big.getString("first_order_date"));
        assertEquals("2025-03-01T10:00:00Z", big.getString("last_order_date"));
        JsonObject small = all.getJsonObject(1);
        assertEquals("25.00", small.getString("spend"), "the canceled order does not count");
        assertEquals(1, small.getInt("orders"));
        assertEquals(0, all.getJsonObject(2).getInt("orders"));
    }

    @Test
    void theReportFiltersByCountrySpendAndOrderCountAndPages() {
        assertEquals(2, report("country=France").size());
        assertEquals(List.of("big"), report("min_spend=100").stream().map(c -> ((JsonObject) c).getString("name")).toList());
        assertEquals(List.of("small", "none"), report("max_spend=30").stream().map(c -> ((JsonObject) c).getString("name")).toList());
        assertEquals(1, report("min_orders=2").size());
        assertEquals(List.of("none"), report("max_orders=0").stream().map(c -> ((JsonObject) c).getString("name")).toList());
        try (Response page = request("api/analytics/customers/?search=" + marker + "&limit=1&ordering=name", analyst()).get()) {
            assertEquals("3", page.getHeaderString("X-Total-Count"));
            assertEquals("big", ((JsonArray) Api.parse(page.readEntity(String.class))).getJsonObject(0).getString("name"));
            assertEquals(true, page.getLink("next") != null);
        }
    }

    @Test
    void badFiltersAre400() {
        for (String query : List.of("min_spend=lots", "max_orders=1.5", "country=Narnia", "ordering=password", "limit=5000")) {
            try (Response response = request("api/analytics/customers/?" + query, analyst()).get()) {
                assertJsonError(response, 400);
            }
        }
    }
}
