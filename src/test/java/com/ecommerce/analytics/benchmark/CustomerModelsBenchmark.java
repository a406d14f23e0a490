package com.ecommerce.analytics.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * The customer models on the million-order store's customers: the fit (and every customer's prediction), the hold-out
 * check of the last 13 weeks, then per-customer CLV, the ranked list, the model churn rate, RFM segments and cohort
 * retention over 24 months.
 */
final class CustomerModelsBenchmark {

    private final StringBuilder report;
    private final InventoryBenchmark.Timer timer;

    CustomerModelsBenchmark(StringBuilder report, InventoryBenchmark.Timer timer) {
        this.report = report;
        this.timer = timer;
    }

    void run(Connection db, String admin) throws Exception {
        long started = System.nanoTime();
        JsonObject model = (JsonObject) Api.parse(ok(Api.post("api/analytics/customer-models/rebuild/", admin, "{}")));
        JsonObject bg = model.getJsonObject("bg_nbd");
        JsonObject gg = model.getJsonObject("gamma_gamma");
        report.append(String.format("%nCustomer model fit: %.1f s over the HTTP call (%d ms inside: read every order, fit "
                        + "BG/NBD and Gamma-Gamma, predict and store every customer), %,d customers, %,d repeat buyers; "
                        + "r %.3f, alpha %.2f, a %.3f, b %.3f; p %.2f, q %.2f, v %.2f%n",
                (System.nanoTime() - started) / 1e9, model.getJsonNumber("fit_millis").longValue(),
                model.getInt("customers"), model.getInt("repeat_buyers"), number(bg, "r"), number(bg, "alpha"),
                number(bg, "a"), number(bg, "b"), number(gg, "p"), number(gg, "q"), number(gg, "v")));
        LocalDate today = LocalDate.parse(((JsonObject) Api.parse(ok(Api.request("api/store/", admin).get())))
                .getString("today"));
        started = System.nanoTime();
        JsonObject check = (JsonObject) Api.parse(ok(Api.request("api/analytics/customer-models/evaluation/?cut_off="
                + today.minusWeeks(13) + "&holdout_end=" + today, admin).get()));
        JsonObject total = check.getJsonObject("purchases").getJsonObject("total");
        report.append(String.format("Hold-out check (fit to 13 weeks ago, predict them): %.1f s, %,d customers, "
                        + "%,.0f purchases predicted, %,d made%n%n", (System.nanoTime() - started) / 1e9,
                total.getInt("customers"), number(total, "predicted"), total.getInt("actual")));

        List<Long> customers = new ArrayList<>();
        try (Statement select = db.createStatement();
             ResultSet rows = select.executeQuery("SELECT customer_id FROM customer_stats WHERE orders > 0 "
                     + "ORDER BY customer_id")) {
            while (rows.next()) {
                customers.add(rows.getLong(1));
            }
        }
        Random random = new Random(20);
        String start = today.minusMonths(23).withDayOfMonth(1).toString();
        Map<String, Supplier<String>> requests = new LinkedHashMap<>();
        requests.put("customers ranked by predicted CLV, first page of 50",
                () -> "api/analytics/customers/?ordering=-predicted_clv&limit=50");
        requests.put("churn rate, definition=model", () -> "api/analytics/sales/?type=churn_rate&definition=model");
        requests.put("RFM segments", () -> "api/analytics/segments/");
        requests.put("RFM segment at_risk, first page of 50", () -> "api/analytics/segments/at_risk/?limit=50");
        requests.put("cohort retention, 24 months", () -> "api/analytics/sales/?type=cohort_retention&start_date="
                + start + "&end_date=" + today);
        requests.put("cohort retention, 24 months, country US", () -> "api/analytics/sales/?type=cohort_retention"
                + "&start_date=" + start + "&end_date=" + today + "&country=US");
        requests.forEach((name, path) -> timer.time(name, path, admin, 10, 100));
        timer.time("customer CLV with prediction and RFM (random customer, 300 calls)",
                () -> "api/customer/" + customers.get(random.nextInt(customers.size())) + "/clv/", admin, 20, 300);
    }

    private static String ok(Response response) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return body;
        }
    }

    private static double number(JsonObject object, String name) {
        return object.getJsonNumber(name).doubleValue();
    }
}
