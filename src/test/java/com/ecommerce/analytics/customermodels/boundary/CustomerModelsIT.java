package com.ecommerce.analytics.customermodels.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/**
 * The published BG/NBD fit reproduced through the API: the CDNOW sample's transactions (src/test/resources/cdnow) of
 * the calibration period imported as orders, then fitted on the cohort of January to March 1997 with calibration
 * ending on 30 September 1997, as Fader, Hardie and Lee (2005) did (all moved to 2000, see SHIFT_DAYS); the
 * Gamma-Gamma fit on its 946 repeat buyers gives Fader and Hardie's (2013) p, q and v.
 */
class CustomerModelsIT {

    /**
     * Other tests write history in the 1970s to 1990s and from 2001; the sample moves to 2000 whole (1,095 days, so
     * every interval stays as it was), and only its calibration period is imported, so that it stays the only cohort
     * of early 2000.
     */
    private static final long SHIFT_DAYS = 1_095;
    private static final java.time.LocalDate CALIBRATION_END = java.time.LocalDate.of(1997, 9, 30);
    private static final String CDNOW_FIT = "{\"cohort_start\":\"" + shifted("1997-01-01") + "\",\"cohort_end\":\""
            + shifted("1997-03-31") + "\",\"calibration_end\":\"" + shifted("1997-09-30") + "\"}";

    private static java.time.LocalDate shifted(String day) {
        return java.time.LocalDate.parse(day).plusDays(SHIFT_DAYS);
    }

    @BeforeAll
    static void importTheCdnowSample() throws IOException {
        StringBuilder csv = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CustomerModelsIT.class.getResourceAsStream("/cdnow/CDNOW_sample.txt"), StandardCharsets.UTF_8))) {
            int line = 0;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                String[] f = row.trim().split("\\s+");
                java.time.LocalDate day = java.time.LocalDate.parse(f[2], java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                if (day.isAfter(CALIBRATION_END)) {
                    continue;
                }
                csv.append("97").append(++line).append(",CDNOW-CD,CDs,1,").append(day.plusDays(SHIFT_DAYS))
                        .append(" 12:00,").append(f[4])
                        .append(",97").append(Integer.parseInt(f[0])).append(",US\n");
            }
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
        long customer = com.ecommerce.analytics.testing.Store.customer("US");
        long product = com.ecommerce.analytics.testing.Store.product("10.00", 100);
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

        long newcomer = com.ecommerce.analytics.testing.Store.customer("US");
        assertEquals(jakarta.json.JsonValue.NULL, getObject("api/customer/" + newcomer + "/clv/", analyst()).get("predicted"),
                "no order, no prediction");
        for (String query : List.of("horizon_days=0", "horizon_days=3651", "discount_rate=1.5", "discount_rate=-0.1",
                "discount_rate=abc")) {
            assertJsonError(request("api/customer/" + customer + "/clv/?" + query, analyst()).get(), 400);
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
