package com.ecommerce.analytics.customermodels.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.customermodels.model.BgNbd;
import com.ecommerce.analytics.customermodels.model.HoldoutComparison;
import com.ecommerce.analytics.customermodels.model.Purchase;
import com.ecommerce.analytics.customermodels.model.PurchaseHistories;
import com.ecommerce.analytics.customermodels.model.PurchaseHistory;
import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/**
 * The published BG/NBD fit reproduced through the API: the CDNOW sample's transactions (src/test/resources/cdnow) of
 * the calibration period imported as orders, then fitted on the cohort of January to March 1997 with calibration
 * ending on 30 September 1997, as Fader, Hardie and Lee (2005) did (all moved to 2000, see SHIFT_DAYS); the
 * Gamma-Gamma fit on its 946 repeat buyers gives Fader and Hardie's (2013) p, q and v. Then what the fit predicts
 * (the ranked customers, the model churn rate), the hold-out check, and orders placed while fits run.
 */
class CustomerModelsIT {

    private static final String CDNOW_FIT = "{\"cohort_start\":\"" + shifted("1997-01-01") + "\",\"cohort_end\":\""
            + shifted("1997-03-31") + "\",\"calibration_end\":\"" + shifted("1997-09-30") + "\"}";

    private static java.time.LocalDate shifted(String day) {
        return CdnowSample.shifted(day);
    }

    @BeforeAll
    static void importTheCdnowSample() {
        StringBuilder csv = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        int line = 0;
        for (CdnowSample.Transaction t : CdnowSample.upTo("1997-09-30")) {
            csv.append("97").append(++line).append(",CDNOW-CD,CDs,1,").append(t.day()).append(" 12:00,")
                    .append(t.dollars()).append(",97").append(t.customer()).append(",US\n");
        }
        try (Response imported = request("api/import/orders/", admin()).post(Entity.entity(csv.toString(), "text/csv"))) {
            String body = imported.readEntity(String.class);
            assertEquals(200, imported.getStatus(), body);
        }
    }

    @Test
    void theCdnowCohortFittedThroughTheApiGivesThePublishedParameters() {
        JsonObject model = fitted(CDNOW_FIT);

        assertEquals(2357, model.getInt("customers"));
        JsonObject bgNbd = model.getJsonObject("bg_nbd");
        assertEquals("0.243", threeFigures(bgNbd, "r"));
        assertEquals("4.41", threeFigures(bgNbd, "alpha"));
        assertEquals("0.793", threeFigures(bgNbd, "a"));
        assertEquals("2.43", threeFigures(bgNbd, "b"));
        assertEquals(-9582.4, bgNbd.getJsonNumber("log_likelihood").doubleValue(), 0.5);
        JsonObject gammaGamma = model.getJsonObject("gamma_gamma");
        assertEquals(946, model.getInt("repeat_buyers"));
        assertEquals("6.25", threeFigures(gammaGamma, "p"));
        assertEquals("3.74", threeFigures(gammaGamma, "q"));
        assertEquals("15.4", threeFigures(gammaGamma, "v"));
        assertEquals(shifted("1997-09-30").toString(), model.getString("calibration_end"));
        assertEquals(model, getObject("api/analytics/customer-models/", analyst()), "the fit is the model in use");
    }

    @Test
    void aCustomersPredictedValueIsTheModelsForItsOwnHistory() {
        // Orders of 10.00 on three days (two on the middle one) 98, 56 and 14 days ago: x = 2 repeat days,
        // t_x = 84 / 7 = 12 weeks, T = 98 / 7 = 14 weeks, mean repeat value (20 + 10) / 2 = 15.
        fitted("{}");
        java.time.LocalDate today = java.time.LocalDate.parse(getObject("api/store/", admin()).getString("today"));
        long customer = Store.customer("US");
        long product = Store.product("10.00", 100);
        for (int daysAgo : new int[] {98, 56, 56, 14}) {
            Api.created("api/orders/", admin(), "{\"customer\":" + customer + ",\"order_date\":\""
                    + today.minusDays(daysAgo).atTime(17, 0).toInstant(java.time.ZoneOffset.UTC) + "\",\"items\":[{\"product\":"
                    + product + ",\"quantity\":1}]}");
        }

        JsonObject clv = getObject("api/customer/" + customer + "/clv/?horizon_days=365&discount_rate=0.1", analyst());
        JsonObject predicted = clv.getJsonObject("predicted");
        JsonObject model = getObject("api/analytics/customer-models/", analyst());

        assertEquals(model.getInt("id"), predicted.getInt("model"));
        JsonObject bg = model.getJsonObject("bg_nbd");
        JsonObject gg = model.getJsonObject("gamma_gamma");
        com.ecommerce.analytics.customermodels.model.PurchaseHistory history =
                new com.ecommerce.analytics.customermodels.model.PurchaseHistory(2, 12, 14, 15);
        com.ecommerce.analytics.customermodels.model.CustomerForecast expected =
                com.ecommerce.analytics.customermodels.model.CustomerForecast.of(model.getInt("id"),
                        new com.ecommerce.analytics.customermodels.model.BgNbd(number(bg, "r"), number(bg, "alpha"),
                                number(bg, "a"), number(bg, "b")),
                        new com.ecommerce.analytics.customermodels.model.GammaGamma(number(gg, "p"), number(gg, "q"),
                                number(gg, "v")), history, 365, 0.1);
        assertEquals(expected.probabilityAlive(), number(predicted, "probability_alive"), 1e-9);
        assertEquals(expected.expectedPurchases(), number(predicted, "expected_purchases"), 1e-9);
        assertEquals(expected.predictedClv().toPlainString(), predicted.getString("predicted_clv"));
        assertEquals(expected.expectedValuePerPurchase().toPlainString(), predicted.getString("expected_value_per_purchase"));
        assertEquals("40.00", clv.getString("lifetime_value"), "the historical value stays");

        long newcomer = Store.customer("US");
        assertEquals(jakarta.json.JsonValue.NULL, getObject("api/customer/" + newcomer + "/clv/", analyst()).get("predicted"),
                "no order, no prediction");
        for (String query : List.of("horizon_days=0", "horizon_days=3651", "discount_rate=1.5", "discount_rate=-0.1",
                "discount_rate=abc")) {
            assertJsonError(request("api/customer/" + customer + "/clv/?" + query, analyst()).get(), 400);
        }
    }

    @Test
    void theRankedCustomersAndTheModelChurnRateAreTheFitsPredictions() {
        Store.analyticsCaughtUp(); // the report lists the customers of customer_stats, complete once caught up
        JsonObject model = fitted(CDNOW_FIT);

        JsonArray ranked = array("api/analytics/customers/?ordering=-predicted_clv&page_size=25");
        assertEquals(25, ranked.size());
        BigDecimal before = null;
        for (JsonObject row : ranked.getValuesAs(JsonObject.class)) {
            BigDecimal clv = new BigDecimal(row.getString("predicted_clv"));
            assertTrue(before == null || before.compareTo(clv) >= 0, "ranked by predicted CLV: " + ranked);
            before = clv;
        }
        assertEquals(model.getString("predictions_as_of"), getObject("api/store/", admin()).getString("today"));
        for (JsonObject row : ranked.getValuesAs(JsonObject.class).subList(0, 3)) {
            JsonObject predicted = getObject("api/customer/" + row.getInt("id") + "/clv/", analyst())
                    .getJsonObject("predicted");
            assertEquals(model.getInt("id"), predicted.getInt("model"));
            assertEquals(predicted.getString("predicted_clv"), row.getString("predicted_clv"),
                    "the stored prediction is what the CLV answer predicts for a year, undiscounted");
            assertEquals(number(predicted, "probability_alive"), number(row, "probability_alive"), 1e-9);
            assertEquals(number(predicted, "expected_purchases"), number(row, "expected_purchases"), 1e-9);
        }

        int predicted = 0;
        int gone = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        long total = -1;
        boolean unpredicted = false;
        for (int page = 1; ; page++) {
            JsonArray rows;
            try (Response answer = request("api/analytics/customers/?ordering=-probability_alive&page_size=1000&page="
                    + page, analyst()).get()) {
                total = Long.parseLong(answer.getHeaderString("X-Total-Count"));
                rows = (JsonArray) Api.parse(answer.readEntity(String.class));
            }
            for (JsonObject row : rows.getValuesAs(JsonObject.class)) {
                assertTrue(seen.add(row.getInt("id")), "each customer once across the pages");
                if (!row.isNull("probability_alive")) {
                    assertTrue(!unpredicted, "the predicted customers come first");
                    predicted++;
                    gone += number(row, "probability_alive") < 0.5 ? 1 : 0;
                } else {
                    unpredicted = true;
                }
            }
            if (rows.size() < 1000) {
                break;
            }
        }
        assertEquals(total, seen.size(), "every customer of the report, predicted or not");
        JsonObject churn = getObject("api/analytics/sales/?type=churn_rate&definition=model", analyst());
        assertEquals(predicted, churn.getInt("customers"));
        assertEquals(gone, churn.getInt("churned"));
        assertEquals(predicted - gone, churn.getInt("retained"));
        assertTrue(gone > 0 && predicted >= 2357, churn.toString());
        assertEquals(Math.round(10_000.0 * gone / predicted) / 10_000.0, number(churn, "churn_rate"), 1e-9);
        assertTrue(churn.isNull("period_days"));
        assertTrue(churn.getString("definition").startsWith("model: customers whose P(alive) under customer model "
                + model.getInt("id")), churn.getString("definition"));
        for (String query : List.of("definition=model&period_days=30", "definition=likely")) {
            assertJsonError(request("api/analytics/sales/?type=churn_rate&" + query, analyst()).get(), 400);
        }
        assertJsonError(request("api/analytics/customers/?ordering=-predicted_value", analyst()).get(), 400);
    }

    @Test
    void theHoldOutCheckSetsTheCohortsPredictedPurchasesBesideTheirs() {
        // Fitted on the cohort's first 26 weeks (to 30 June 1997), predicting the 13 weeks to 30 September; the
        // same computed here from the file with the pure model.
        String cutOff = shifted("1997-06-30").toString();
        String end = shifted("1997-09-30").toString();
        JsonObject checked = getObject("api/analytics/customer-models/evaluation/?cut_off=" + cutOff + "&holdout_end="
                + end + "&cohort_start=" + shifted("1997-01-01") + "&cohort_end=" + shifted("1997-03-31"), analyst());

        List<PurchaseHistory> calibration = new ArrayList<>();
        List<Integer> actual = new ArrayList<>();
        for (List<Purchase> bought : CdnowSample.purchasesUpTo("1997-09-30").values()) {
            PurchaseHistories.of(bought, shifted("1997-06-30"), shifted("1997-01-01"), shifted("1997-03-31"))
                    .ifPresent(history -> {
                        calibration.add(history);
                        actual.add(PurchaseHistories.purchaseDaysBetween(bought, shifted("1997-06-30"), shifted("1997-09-30")));
                    });
        }
        BgNbd model = BgNbd.fit(calibration).model();
        double weeks = java.time.temporal.ChronoUnit.DAYS.between(shifted("1997-06-30"), shifted("1997-09-30")) / 7.0;
        List<HoldoutComparison.Customer> customers = new ArrayList<>();
        for (int i = 0; i < calibration.size(); i++) {
            customers.add(new HoldoutComparison.Customer(calibration.get(i).x(),
                    model.expectedPurchases(calibration.get(i), weeks), actual.get(i)));
        }
        HoldoutComparison.Comparison expected = HoldoutComparison.of(customers);

        assertEquals(weeks, number(checked, "holdout_weeks"), 1e-4);
        assertEquals(model.r(), number(checked.getJsonObject("bg_nbd"), "r"), 1e-3);
        JsonObject purchases = checked.getJsonObject("purchases");
        JsonObject total = purchases.getJsonObject("total");
        assertEquals(2357, total.getInt("customers"));
        assertEquals(expected.total().actual(), total.getInt("actual"));
        assertEquals(expected.total().predicted(), number(total, "predicted"), 0.5);
        assertEquals(total.getInt("actual"), total.getJsonNumber("predicted").doubleValue(), 0.15 * total.getInt("actual"),
                "the model predicts the hold-out within 15% in total");
        JsonArray byRepeats = purchases.getJsonArray("by_calibration_repeats");
        assertEquals(8, byRepeats.size());
        for (int x = 0; x < 8; x++) {
            HoldoutComparison.Group group = expected.byCalibrationRepeats().get(x);
            JsonObject row = byRepeats.getJsonObject(x);
            assertEquals(group.group(), row.getString("group"));
            assertEquals(group.customers(), row.getInt("customers"));
            assertEquals(group.actual(), row.getInt("actual"));
            assertEquals(group.predicted(), number(row, "predicted"), 0.05);
        }
        JsonArray deciles = purchases.getJsonArray("by_decile");
        assertEquals(10, deciles.size());
        int inDeciles = 0;
        for (int d = 0; d < 10; d++) {
            assertEquals(expected.byDecile().get(d).predicted(), number(deciles.getJsonObject(d), "predicted"), 0.05);
            inDeciles += deciles.getJsonObject(d).getInt("actual");
        }
        assertEquals(total.getInt("actual"), inDeciles);
        assertTrue(number(deciles.getJsonObject(9), "predicted_per_customer")
                > number(deciles.getJsonObject(0), "predicted_per_customer"));

        for (String query : List.of("", "cut_off=2000-13-01", "cut_off=" + end + "&holdout_end=" + cutOff,
                "cut_off=" + cutOff + "&holdout_end=2999-01-01", "cut_off=" + cutOff + "&cohort_start=2000-03-01"
                        + "&cohort_end=2000-01-01", "cut_off=" + cutOff + "&cohort_start=" + end)) {
            assertJsonError(request("api/analytics/customer-models/evaluation/?" + query, analyst()).get(), 400);
        }
        assertJsonError(request("api/analytics/customer-models/evaluation/?cut_off=" + shifted("1997-01-31")
                + "&cohort_start=" + shifted("1997-01-31") + "&cohort_end=" + shifted("1997-01-31")
                + "&holdout_end=" + end, analyst()).get(), 422);
        assertJsonError(request("api/analytics/customer-models/evaluation/?cut_off=" + cutOff).get(), 401);
    }

    @Test
    void ordersGoThroughWhileFitsRun() throws Exception {
        long customer = Store.customer("US");
        long product = Store.product("3.00", 500);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> fits = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                fits.add(pool.submit(() -> {
                    try (Response answer = Api.post("api/analytics/customer-models/rebuild/", admin(), "{}")) {
                        return answer.getStatus();
                    }
                }));
            }
            Future<List<Integer>> orders = pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    try (Response placed = Api.post("api/orders/", admin(), Store.order(customer, product, 1))) {
                        statuses.add(placed.getStatus());
                    }
                }
                return statuses;
            });
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> fit : fits) {
                statuses.add(fit.get());
            }
            assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 409), statuses.toString());
            assertTrue(statuses.contains(200), statuses.toString());
            assertEquals(java.util.Collections.nCopies(20, 201), orders.get(), "no order waited on or failed for a fit");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(480, Store.stockOf(product));
        assertEquals("60.00", getObject("api/customer/" + customer + "/clv/", analyst()).getString("lifetime_value"));
    }

    private static JsonArray array(String path) {
        try (Response answer = request(path, analyst()).get()) {
            String text = answer.readEntity(String.class);
            assertEquals(200, answer.getStatus(), text);
            return (JsonArray) Api.parse(text);
        }
    }

    private static double number(JsonObject object, String name) {
        return object.getJsonNumber(name).doubleValue();
    }

    @Test
    void fitsAreForAdminsWithDatesInOrder() {
        for (String body : List.of("{\"cohort_start\":\"1997-04-01\",\"cohort_end\":\"1997-03-31\"}",
                "{\"calibration_end\":\"2999-01-01\"}", "{\"cohort_start\":\"1997-10-01\",\"calibration_end\":\"1997-09-30\"}",
                "{\"calibration_end\":\"1997-13-01\"}")) {
            assertJsonError(Api.post("api/analytics/customer-models/rebuild/", admin(), body), 400);
        }
        assertJsonError(Api.post("api/analytics/customer-models/rebuild/", admin(),
                "{\"cohort_start\":\"2000-10-01\",\"cohort_end\":\"2000-10-31\"}"), 422);
        assertJsonError(Api.post("api/analytics/customer-models/rebuild/", analyst(), CDNOW_FIT), 403);
        assertJsonError(request("api/analytics/customer-models/").get(), 401);
    }

    private static JsonObject fitted(String body) {
        for (int attempt = 0; attempt < 120; attempt++) {
            try (Response answer = Api.post("api/analytics/customer-models/rebuild/", admin(), body)) {
                String text = answer.readEntity(String.class);
                if (answer.getStatus() == 200) {
                    return (JsonObject) Api.parse(text);
                }
                assertEquals(409, answer.getStatus(), text);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no fit within a minute");
    }

    private static String threeFigures(JsonObject parameters, String name) {
        assertTrue(parameters.containsKey(name), parameters.toString());
        return new BigDecimal(parameters.getJsonNumber(name).doubleValue()).round(new MathContext(3)).toPlainString();
    }
}
