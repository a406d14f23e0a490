package com.ecommerce.analytics.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * Inventory analytics on the million-order store's 10,002 products: the demand model's build, then the report's
 * pages, the reorder list, stock value and margin, and the workbook. Four products in five get a cost price (55%
 * of the price) first, so that values at cost are computed, as a merchant's would be.
 */
final class InventoryBenchmark {

    /** Times each request by name: warm-up calls, then timed ones, p50 and p95 into the report's table. */
    interface Timer {
        void time(String name, Supplier<String> path, String token, int warmUp, int runs);
    }

    private final StringBuilder report;
    private final Timer timer;

    InventoryBenchmark(StringBuilder report, Timer timer) {
        this.report = report;
        this.timer = timer;
    }

    void run(Connection db, String admin) throws Exception {
        try (Statement costs = db.createStatement()) {
            costs.executeUpdate("UPDATE product SET cost_price = ROUND(price * 0.55, 2) WHERE MOD(id, 5) <> 0");
        }
        long started = System.nanoTime();
        JsonObject model;
        try (Response rebuild = Api.post("api/analytics/inventory/forecast/rebuild/", admin, "")) {
            String body = rebuild.readEntity(String.class);
            assertEquals(200, rebuild.getStatus(), body);
            model = (JsonObject) Api.parse(body);
        }
        report.append(String.format("%nDemand model rebuild: %.1f s over the HTTP call (%d ms inside: read 104 weeks, "
                        + "backtest, fit), %d products, method %s, backtest MAE %s%n%n",
                (System.nanoTime() - started) / 1e9, model.getJsonNumber("build_millis").longValue(),
                model.getInt("products"), model.getString("method"),
                model.getJsonObject("backtest").getJsonObject("mean_absolute_error")));
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("inventory report, first page of 50", "api/analytics/inventory/?limit=50");
        requests.put("inventory report, page 100 of 50", "api/analytics/inventory/?page=100&page_size=50");
        requests.put("inventory report, at_risk, by stock value", "api/analytics/inventory/?status=at_risk"
                + "&ordering=-stock_value_at_price");
        requests.put("inventory report, one category, country US", "api/analytics/inventory/?category=2&country=US");
        requests.put("inventory report, window 90 days, horizon 56", "api/analytics/inventory/?window_days=90"
                + "&horizon_days=56");
        requests.put("reorder list", "api/analytics/inventory/reorder/");
        requests.put("stock value and margin by category, 28 days", "api/analytics/inventory/value/");
        requests.put("margin by product, 1 year, first page", "api/analytics/inventory/margin/?start_date="
                + java.time.LocalDate.now().minusYears(1));
        for (int round = 0; round < 5; round++) {
            requests.values().forEach(path -> call(path, admin));
        }
        requests.forEach((name, path) -> timer.time(name, () -> path, admin, 10, 50));
        timer.time("inventory workbook (.xlsx)", () -> "api/export-inventory/", admin, 2, 10);
    }

    private static void call(String path, String token) {
        try (Response response = Api.request(path, token).get()) {
            response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new AssertionError(path + " gave " + response.getStatus());
            }
        }
    }
}
