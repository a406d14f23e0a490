package com.ecommerce.analytics.inventory.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.Api.unique;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

class InventoryIT {

    static long newProduct() {
        long category = created("api/categories/", admin(), "{\"name\":\"" + unique("Cat") + "\"}").getInt("id");
        return created("api/products/", admin(), "{\"name\":\"Widget\",\"SKU\":\"" + unique("W")
                + "\",\"price\":\"4.00\",\"category\":" + category + "}").getInt("id");
    }

    @Test
    void aStockRecordStartsWithTheDefaultThresholdAndARestockDate() {
        long product = newProduct();
        JsonObject stock = created("api/inventory/", admin(), "{\"product\":" + product + ",\"quantity\":25}");
        assertEquals(product, stock.getInt("product"));
        assertEquals(25, stock.getInt("quantity"));
        assertEquals(10, stock.getInt("low_stock_threshold"));
        assertFalse(stock.getBoolean("is_low_stock"));
        assertFalse(stock.isNull("last_restocked_date"));
        try (Response twice = Api.post("api/inventory/", admin(), "{\"product\":" + product + ",\"quantity\":1}")) {
            assertJsonError(twice, 409);
        }
    }

    @Test
    void aHigherQuantityIsARestockAndALowerOneIsNot() throws InterruptedException {
        JsonObject stock = created("api/inventory/", admin(), "{\"product\":" + newProduct() + ",\"quantity\":0}");
        assertTrue(stock.isNull("last_restocked_date"), "nothing restocked yet");
        String path = "api/inventory/" + stock.getInt("id") + "/";
        JsonObject restocked;
        try (Response response = Api.patch(path, admin(), "{\"quantity\":40}")) {
            restocked = Api.object(response);
        }
        assertFalse(restocked.isNull("last_restocked_date"));
        try (Response response = Api.patch(path, admin(), "{\"quantity\":5}")) {
            JsonObject sold = Api.object(response);
            assertEquals(restocked.getString("last_restocked_date"), sold.getString("last_restocked_date"));
            assertTrue(sold.getBoolean("is_low_stock"));
        }
        try (Response negative = Api.patch(path, admin(), "{\"quantity\":-1}")) {
            assertJsonError(negative, 400);
        }
    }

    @Test
    void lowStockListsOnlyRecordsAtOrBelowTheirThreshold() {
        JsonObject low = created("api/inventory/", admin(), "{\"product\":" + newProduct() + ",\"quantity\":3,\"low_stock_threshold\":3}");
        JsonObject healthy = created("api/inventory/", admin(), "{\"product\":" + newProduct() + ",\"quantity\":4,\"low_stock_threshold\":3}");
        try (Response response = request("api/inventory/?low_stock=true&limit=1000&ordering=-id", analyst()).get()) {
            JsonArray page = (JsonArray) Api.parse(response.readEntity(String.class));
            assertTrue(page.stream().allMatch(r -> ((JsonObject) r).getBoolean("is_low_stock")));
            assertTrue(page.stream().anyMatch(r -> ((JsonObject) r).getInt("id") == low.getInt("id")));
            assertFalse(page.stream().anyMatch(r -> ((JsonObject) r).getInt("id") == healthy.getInt("id")));
        }
    }

    @Test
    void unknownProductsAndRecordsAreRefused() {
        try (Response response = Api.post("api/inventory/", admin(), "{\"product\":987654321,\"quantity\":1}")) {
            assertJsonError(response, 400);
        }
        try (Response response = request("api/inventory/987654321/", analyst()).get()) {
            assertJsonError(response, 404);
        }
        try (Response response = Api.post("api/inventory/", analyst(), "{\"product\":1,\"quantity\":1}")) {
            assertJsonError(response, 403);
        }
    }
}
