package com.ecommerce.analytics.customermodels.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * The retention triangle over HTTP, on four customers of 1970 (no other test writes that year), at 1.00 a unit so that
 * an order's value is its quantity; counted by hand:
 * anna (DE) Jan 10 (10), Feb 15 (20, 5 refunded), Apr 1 (5); bert (DE) Jan 20 (7);
 * cleo (FR) Feb 1 (3), Mar 5 (4), Mar 20 (6); dora (FR) Jan 5 (10, canceled), Mar 10 (8).
 */
class CohortRetentionIT {

    private static final String PATH = "api/analytics/sales/?type=cohort_retention";
    private static long unit;
    /** A table computed from this moment on has seen the orders (as_of is kept to the second). */
    private static java.time.Instant ordersWritten;

    @BeforeAll
    static void fourCustomersOf1970() {
        unit = Store.product("1.00", 1_000);
        long anna = Store.customer("DE");
        long bert = Store.customer("DE");
        long cleo = Store.customer("FR");
        long dora = Store.customer("FR");
        order(anna, "1970-01-10", 10);
        long annaFebruary = order(anna, "1970-02-15", 20);
        Store.advance(annaFebruary, "delivered");
        created("api/orders/" + annaFebruary + "/refunds/", admin(), "{\"refund_date\":\"1970-02-20T15:00:00Z\","
                + "\"items\":[{\"product\":" + unit + ",\"quantity\":5}]}");
        order(anna, "1970-04-01", 5);
        order(bert, "1970-01-20", 7);
        order(cleo, "1970-02-01", 3);
        order(cleo, "1970-03-05", 4);
        order(cleo, "1970-03-20", 6);
        long canceled = order(dora, "1970-01-05", 10);
        Api.patch("api/orders/" + canceled + "/", admin(), "{\"status\":\"canceled\"}").close();
        order(dora, "1970-03-10", 8);
        ordersWritten = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
    }

    private static long order(long customer, String day, int units) {
        return created("api/orders/", admin(), "{\"customer\":" + customer + ",\"order_date\":\"" + day
                + "T17:00:00Z\",\"items\":[{\"product\":" + unit + ",\"quantity\":" + units + "}]}")
                .getJsonNumber("id").longValue();
    }

    @Test
    void cohortsAreCustomersByFirstMonthWithTheShareOrderingInEachLaterMonth() {
        JsonArray cohorts = table("&start_date=1970-01-01&end_date=1970-04-30").getJsonArray("cohorts");

        assertEquals(4, cohorts.size());
        // January: anna and bert (dora's January order was canceled); anna orders again in February and April.
        assertCohort(cohorts.getJsonObject(0), "1970-01", 2, "37.00", List.of(1, 0, 1), List.of(0.5, 0.0, 0.5));
        assertCohort(cohorts.getJsonObject(1), "1970-02", 1, "13.00", List.of(1, 0), List.of(1.0, 0.0));
        assertCohort(cohorts.getJsonObject(2), "1970-03", 1, "8.00", List.of(0), List.of(0.0));
        assertCohort(cohorts.getJsonObject(3), "1970-04", 0, "0.00", List.of(), List.of());
    }

    @Test
    void theRangeEndsTheMonthsCountedAndTheCountryFilterKeepsItsCustomers() {
        JsonObject upToFebruary = table("&start_date=1970-01-01&end_date=1970-02-28");
        JsonArray cohorts = upToFebruary.getJsonArray("cohorts");
        assertEquals(2, cohorts.size());
        // Spend up to February: anna 10 + 20 - 5, bert 7; cleo 3.
        assertCohort(cohorts.getJsonObject(0), "1970-01", 2, "32.00", List.of(1), List.of(0.5));
        assertCohort(cohorts.getJsonObject(1), "1970-02", 1, "3.00", List.of(), List.of());

        JsonObject french = table("&start_date=1970-01-01&end_date=1970-04-30&country=France");
        assertEquals("FR", french.getString("country"));
        JsonArray frenchCohorts = french.getJsonArray("cohorts");
        assertCohort(frenchCohorts.getJsonObject(0), "1970-01", 0, "0.00", List.of(0, 0, 0), List.of(0.0, 0.0, 0.0));
        assertCohort(frenchCohorts.getJsonObject(1), "1970-02", 1, "13.00", List.of(1, 0), List.of(1.0, 0.0));
        assertCohort(frenchCohorts.getJsonObject(2), "1970-03", 1, "8.00", List.of(0), List.of(0.0));
    }

    @Test
    void badRangesIntervalsAndStrangersAreRefused() {
        for (String query : List.of("", "&start_date=1970-01-01", "&start_date=1970-03-01&end_date=1970-01-31",
                "&start_date=1970-01-01&end_date=1975-01-01", "&start_date=1970-01-01&end_date=1970-04-30&interval=week",
                "&start_date=1970-01-01&end_date=1970-04-30&country=Atlantis",
                "&start_date=1970-01-01&end_date=1970-04-30&limit=5", "&start_date=1970-13-01&end_date=1970-04-30")) {
            assertJsonError(request(PATH + query, analyst()).get(), 400);
        }
        assertJsonError(request(PATH + "&start_date=1970-01-01&end_date=1970-04-30").get(), 401);
    }

    /**
     * The table is kept a second on the test server (COHORT_FRESH_SECONDS) and a stale one answers while its successor
     * is counted: ask until it has seen the orders above.
     */
    private static JsonObject table(String range) {
        JsonObject table = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            table = getObject(PATH + range, analyst());
            if (!java.time.Instant.parse(table.getString("as_of")).isBefore(ordersWritten)) {
                return table;
            }
            pause();
        }
        return table;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertCohort(JsonObject cohort, String month, int customers, String revenue,
                                     List<Integer> active, List<Double> retention) {
        assertEquals(month, cohort.getString("month"), cohort.toString());
        assertEquals(customers, cohort.getInt("customers"), cohort.toString());
        assertEquals(revenue, cohort.getString("revenue"), cohort.toString());
        assertEquals(active, cohort.getJsonArray("active_customers").getValuesAs(
                jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::intValue).toList(), cohort.toString());
        assertEquals(retention, cohort.getJsonArray("retention").getValuesAs(
                jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::doubleValue).toList(), cohort.toString());
    }
}
