package com.ecommerce.analytics.testing;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.unique;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the store a test needs through the API, each piece new and unshared. */
public final class Store {

    private Store() {
    }

    public static long category() {
        return created("api/categories/", admin(), "{\"name\":\"" + unique("Cat") + "\"}").getInt("id");
    }

    /** A product with its stock record. */
    public static long product(String price, int stock) {
        return product(price, stock, category());
    }

    public static long product(String price, int stock, long category) {
        long product = created("api/products/", admin(), "{\"name\":\"" + unique("Item") + "\",\"SKU\":\"" + unique("SKU")
                + "\",\"price\":\"" + price + "\",\"category\":" + category + "}").getInt("id");
        created("api/inventory/", admin(), "{\"product\":" + product + ",\"quantity\":" + stock + "}");
        return product;
    }

    public static long customer(String country) {
        return created("api/customers/", admin(), "{\"name\":\"Buyer\",\"email\":\"" + unique("buyer")
                + "@example.com\",\"country\":\"" + country + "\"}").getInt("id");
    }

    public static int stockOf(long product) {
        JsonObject record = Api.getObjectFromList("api/inventory/?product=" + product, admin());
        return record.getInt("quantity");
    }

    /**
     * Waits until the server's sales aggregates have caught up after its start (the demo data is counted in the
     * background), for tests whose assertions cover the whole store rather than only their own data.
     */
    public static void analyticsCaughtUp() {
        long giveUp = System.nanoTime() + 180_000_000_000L;
        while (true) {
            try (Response answer = Api.request("api/analytics/sales/?type=revenue_by_country&start_date=2020-01-01&end_date=2020-01-31", admin()).get()) {
                if (answer.getStatus() == 200 && answer.getHeaderString("Analytics-Recomputing") == null) {
                    return;
                }
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the sales aggregates did not catch up within 3 minutes");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static String order(long customer, long product, int quantity) {
        return "{\"customer\":" + customer + ",\"items\":[{\"product\":" + product + ",\"quantity\":" + quantity + "}]}";
    }

    /** An admin's order of one product, sent with the Idempotency-Key; the caller reads and closes the answer. */
    public static Response placeOrder(long customer, long product, int quantity, String key) {
        return Api.request("api/orders/", admin()).header("Idempotency-Key", key)
                .post(Entity.entity(order(customer, product, quantity), MediaType.APPLICATION_JSON_TYPE));
    }

    /** Takes a new (pending) order through the lifecycle to the status, as PATCH allows: shipped, then delivered. */
    public static void advance(long order, String status) {
        for (String next : java.util.List.of("shipped", "delivered")) {
            if (status.equals("pending")) {
                return;
            }
            try (jakarta.ws.rs.core.Response response = Api.patch("api/orders/" + order + "/", Api.admin(),
                    "{\"status\":\"" + next + "\"}")) {
                if (response.getStatus() != 200) {
                    throw new AssertionError("PATCH order " + order + " to " + next + " gave " + response.getStatus());
                }
            }
            if (next.equals(status)) {
                return;
            }
        }
    }
}
