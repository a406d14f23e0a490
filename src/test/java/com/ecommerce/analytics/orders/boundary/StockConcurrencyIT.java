package com.ecommerce.analytics.orders.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Store.order;
import static com.ecommerce.analytics.testing.Store.stockOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

class StockConcurrencyIT {

    private static final int STOCK = 60;
    private static final int REQUESTS = 120;

    @Test
    void concurrentOrdersNeverOversellAndEveryUnitIsAccountedFor() throws Exception {
        long product = Store.product("9.99", STOCK);
        long customer = Store.customer("US");
        String token = admin();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> results = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int quantity = 1 + i % 2;
            results.add(pool.submit(() -> {
                start.await();
                try (Response response = Api.post("api/orders/", token, order(customer, product, quantity))) {
                    if (response.getStatus() == 201) {
                        JsonObject placed = Api.object(response);
                        return new int[] {201, placed.getJsonArray("items").getJsonObject(0).getInt("quantity")};
                    }
                    return new int[] {response.getStatus(), 0};
                }
            }));
        }
        start.countDown();
        int sold = 0;
        int placed = 0;
        int refused = 0;
        for (Future<int[]> result : results) {
            int[] outcome = result.get(120, TimeUnit.SECONDS);
            assertTrue(outcome[0] == 201 || outcome[0] == 409, "only placed or out of stock, got " + outcome[0]);
            sold += outcome[1];
            placed += outcome[0] == 201 ? 1 : 0;
            refused += outcome[0] == 409 ? 1 : 0;
        }
        pool.shutdown();
        int left = stockOf(product);
        assertEquals(STOCK, sold + left, "units sold + stock left = stock at start");
        assertTrue(left >= 0 && left < 2, "demand (180 units) exceeds stock, so at most one unit is left: " + left);
        assertTrue(refused > 0 && placed > 0, "placed " + placed + ", refused " + refused);
    }
}
