package com.ecommerce.analytics.analytics.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.PastSales;
import com.ecommerce.analytics.testing.Store;
import com.ecommerce.analytics.testing.StoreDatabase;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/**
 * A rebuild of the sales aggregates whose correction of a month meets a database failure part-way: the daily row
 * is written, then the database refuses its month row. The answer is a 500 with an incident id; the months before
 * stay repaired, the failing month's correction is rolled back whole; the lease is released at once, so the next
 * rebuild runs without waiting for it to lapse; without the fault, a rebuild repairs the rest and the next finds
 * nothing to repair.
 */
@ExtendWith(ArquillianExtension.class)
class InterruptedRebuildIT {

    /** A rebuild that found the lease held would wait for it to lapse (RebuildLease.TERM), then run. */
    private static final Duration LEASE_TERM = Duration.ofMinutes(2);

    @Deployment(testable = false)
    static WebArchive storeDatabase() {
        return StoreDatabase.deployment();
    }

    @ArquillianResource
    URL storeDatabaseUrl;

    private StoreDatabase database;

    /** While this test's spoiled rows are in the aggregates: a failure part-way must not leave them to other tests. */
    private boolean spoiled;

    @BeforeEach
    void noFaultLeftOver() {
        database = new StoreDatabase(storeDatabaseUrl);
        database.removeFaults();
    }

    @AfterEach
    void removeFaultsAndRepair() {
        database.removeFaults();
        if (spoiled) {
            rebuild(Api.adminToken());
        }
    }

    @Test
    void aRebuildThatFailsPartWayAnswers500ReleasesItsLeaseAndRepairsTheRestWhenRunAgain() {
        String token = Api.adminToken();
        Store.analyticsCaughtUp();
        String run = Api.unique("R").toUpperCase();
        // The 1990s: clear of SalesExportIT's years (2001-2015), whose figures are the whole store's.
        int year = 1990 + ThreadLocalRandom.current().nextInt(10);
        LocalDate february = LocalDate.of(year, 2, 10);
        LocalDate july = LocalDate.of(year, 7, 14);
        String lampSku = run + "-LAMP";
        String vaseSku = run + "-VASE";
        imported(new PastSales()
                .line(run + "-1", lampSku, 2, february.atTime(10, 0), "40.00", run + "-K1", "Germany")
                .line(run + "-1", vaseSku, 1, february.atTime(10, 0), "7.25", run + "-K1", "Germany")
                .line(run + "-2", lampSku, 3, july.atTime(11, 0), "40.00", run + "-K2", "France")
                .line(run + "-3", vaseSku, 4, july.plusDays(6).atTime(9, 30), "7.25", run + "-K2", "France"), token);
        long lamp = Long.parseLong(database.value("SELECT id FROM product WHERE sku = ?", lampSku));
        long vase = Long.parseLong(database.value("SELECT id FROM product WHERE sku = ?", vaseSku));

        spoiled = true;
        // As a bookkeeping bug would: 5 lamps counted on each day that were never sold, in the day and its rollups.
        spoil(lamp, february, "DE");
        spoil(lamp, july, "FR");
        assertEquals("7 units, gross 280.00", sales(lamp, february, february, token), "the spoiled February day");

        Rebuilt failed;
        Rebuilt again;
        try (StoreDatabase.Fault fault = database.failWrites("sales_rollup", "period_start", year + "-07-01")) {
            failed = rebuild(token);
            assertIncident(failed);
            assertAll("after the failed rebuild",
                    () -> assertEquals("", database.value("SELECT rebuild_owner FROM sales_aggregates WHERE id = 1"),
                            "the lease is released"),
                    () -> assertEquals("2 units, gross 80.00", sales(lamp, february, february, token),
                            "February, repaired before the failure"),
                    () -> assertEquals("8 units, gross 320.00", sales(lamp, july, july, token),
                            "July's day, whose correction was rolled back with its month rows"),
                    () -> assertEquals("8 units, gross 320.00", sales(lamp, july.withDayOfMonth(1),
                            july.withDayOfMonth(31), token), "July, untouched"),
                    () -> assertEquals("10 units, gross 400.00", sales(lamp, LocalDate.of(year, 1, 1),
                            LocalDate.of(year, 12, 31), token), "the year, still with July's 5"),
                    () -> assertEquals("5 units, gross 36.25", sales(vase, LocalDate.of(year, 1, 1),
                            LocalDate.of(year, 12, 31), token), "the vase, never spoiled"));

            again = rebuild(token);
            assertIncident(again);
            assertTrue(again.took().compareTo(LEASE_TERM) < 0, "the next rebuild did not wait for the lease to lapse: "
                    + again.took());
        }

        Rebuilt repaired = rebuild(token);
        assertEquals(200, repaired.status(), repaired.body());
        spoiled = false;
        assertTrue(repaired.differences() > 0, "July still had to be repaired: " + repaired.body());
        Rebuilt checked = rebuild(token);
        assertEquals(200, checked.status(), checked.body());
        System.out.printf("Rebuilds: failed after %d ms, again %d ms, repaired %d ms, checked %d ms%n",
                failed.took().toMillis(), again.took().toMillis(), repaired.took().toMillis(), checked.took().toMillis());
        assertAll("after a rebuild without the fault",
                () -> assertEquals(0, checked.differences(), "nothing left to repair: " + checked.body()),
                () -> assertEquals("2 units, gross 80.00", sales(lamp, february, february, token), "February"),
                () -> assertEquals("3 units, gross 120.00", sales(lamp, july, july, token), "July's day"),
                () -> assertEquals("3 units, gross 120.00", sales(lamp, july.withDayOfMonth(1), july.withDayOfMonth(31),
                        token), "July"),
                () -> assertEquals("5 units, gross 200.00", sales(lamp, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                        token), "the lamp's year"),
                () -> assertEquals("5 units, gross 36.25", sales(vase, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                        token), "the vase's year"));
    }

    private record Rebuilt(int status, String body, Duration took) {
        long differences() {
            return ((JsonObject) Api.parse(body)).getJsonNumber("differences").longValue();
        }
    }

    private static Rebuilt rebuild(String token) {
        long started = System.nanoTime();
        try (Response response = Api.post("api/analytics/rebuild/", token, "")) {
            String body = response.readEntity(String.class);
            return new Rebuilt(response.getStatus(), body, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static void assertIncident(Rebuilt rebuilt) {
        assertEquals(500, rebuilt.status(), "our fault, not the client's: " + rebuilt.body());
        JsonObject error = (JsonObject) Api.parse(rebuilt.body());
        String incident = error.getString("incident", "");
        UUID.fromString(incident);
        assertTrue(error.getString("message").contains(incident), rebuilt.body());
        assertTrue(!rebuilt.body().contains("Exception"), "no exception shown to the client: " + rebuilt.body());
    }

    /**
     * Adds 5 units worth 200.00 to the product's row of the day in the country, and to its four month and year rows
     * (in the country and over all countries).
     */
    private void spoil(long product, LocalDate day, String country) {
        assertEquals(1, database.update("UPDATE sales_daily SET units = units + 5, gross = gross + 200 "
                + "WHERE sale_date = ? AND product_id = ? AND country = ?", day, product, country));
        assertEquals(4, database.update("UPDATE sales_rollup SET units = units + 5, gross = gross + 200 "
                + "WHERE product_id = ? AND country IN (?, '**') AND (grain = 'M' AND period_start = ? "
                + "OR grain = 'Y' AND period_start = ?)", product, country, day.withDayOfMonth(1), day.withDayOfYear(1)));
    }

    /** The product's units and gross sales over the days, as the analytics answer them. */
    private static String sales(long product, LocalDate from, LocalDate to, String token) {
        try (Response response = Api.request("api/analytics/sales/?type=revenue_by_product&limit=1000&start_date=" + from
                + "&end_date=" + to, token).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return ((JsonArray) Api.parse(body)).getValuesAs(JsonObject.class).stream()
                    .filter(row -> row.getJsonNumber("id").longValue() == product)
                    .map(row -> row.getInt("units_sold") + " units, gross " + row.getString("gross_sales"))
                    .findFirst().orElse("no sales");
        }
    }

    private static void imported(PastSales file, String token) {
        try (Response response = Api.request("api/import/orders/", token).post(Entity.entity(file.csv(), "text/csv"))) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
        }
    }
}
