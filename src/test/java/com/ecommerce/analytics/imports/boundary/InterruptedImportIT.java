package com.ecommerce.analytics.imports.boundary;

import static com.ecommerce.analytics.testing.PastSales.money;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.ErrorAssertions;
import com.ecommerce.analytics.testing.PastSales;
import com.ecommerce.analytics.testing.PastSales.Figures;
import com.ecommerce.analytics.testing.PastSales.Line;
import com.ecommerce.analytics.testing.Store;
import com.ecommerce.analytics.testing.StoreDatabase;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/**
 * An import whose second batch of invoices meets a database failure that is none of the client's doing: the
 * database itself refuses the stats of its last new customer, after its orders, lines, customers and sales rows.
 * The answer is a 500 with an incident id; the products of the file (created before any invoice) and the first
 * batch stay, as whole invoices, and nothing of the second nor of the credit notes (written after every invoice);
 * the import is free to run again at once, and the store keeps selling; run again without the fault, the file
 * completes to what one uninterrupted import makes.
 */
@ExtendWith(ArquillianExtension.class)
class InterruptedImportIT {

    /**
     * OrderImport.INVOICES_PER_BATCH: the file's 1,200 invoices are written in date order in batches of 500, 500 and
     * 200, then its credit notes.
     */
    private static final int BATCH = 500;
    private static final int INVOICES = 1_200;
    private static final int CUSTOMERS_PER_BATCH = 40;
    private static final int PRODUCTS_PER_BATCH = 20;
    private static final int LINES_PER_INVOICE = 3;
    private static final List<String> COUNTRIES = List.of("United Kingdom", "Germany", "France");
    /** The spend of the second batch's last new customer, whose one invoice is its 499th: a write that fails. */
    private static final String FAILING_SPEND = "9876.54";
    private static final int FAILING_INVOICE = 2 * BATCH - 2;

    @Deployment(testable = false)
    static WebArchive storeDatabase() {
        return StoreDatabase.deployment();
    }

    @ArquillianResource
    URL storeDatabaseUrl;

    private StoreDatabase database;

    @BeforeEach
    void noFaultLeftOver() {
        database = new StoreDatabase(storeDatabaseUrl);
        database.removeFaults();
    }

    @AfterEach
    void removeFaults() {
        database.removeFaults();
    }

    @Test
    void anImportThatFailsPartWayKeepsWholeInvoicesAndCompletesWhenRunAgain() throws Exception {
        String token = Api.adminToken();
        String run = Api.unique("F").toUpperCase();
        // The 1990s: clear of SalesExportIT's years (2001-2015), whose figures are the whole store's.
        int year = 1990 + ThreadLocalRandom.current().nextInt(10);
        PastSales file = file(run, year);
        Predicate<Line> firstBatch = line -> position(line) < BATCH && !line.credit();
        long product = Store.product("12.34", 1_000);
        long buyer = Store.customer("DE");
        Map<String, Long> secondBatchRows = aggregateRowsOfTheSecondBatch(year);

        List<Integer> ordersMeanwhile;
        try (StoreDatabase.Fault fault = database.failWrites("customer_stats", "gross", FAILING_SPEND)) {
            CompletableFuture<Response> importing = CompletableFuture.supplyAsync(() -> post(file.csv(), token));
            ordersMeanwhile = placeOrdersUntil(importing, buyer, product, token);
            try (Response failed = importing.get(5, TimeUnit.MINUTES)) {
                JsonObject error = ErrorAssertions.assertJsonError(failed, 500);
                String incident = error.getString("incident", "");
                UUID.fromString(incident);
                assertTrue(error.getString("message").contains(incident), error.toString());
            }
            JsonObject other = imported(PastSales.HEADER + "G" + run + ",S" + run + ",SOLO,1,2017-09-01 10:00,1.00,S"
                    + run + ",United Kingdom\n", token);
            assertEquals(1, other.getInt("orders_created"), "the import lock was freed at once: " + other);
        }
        System.out.printf("Interrupted import of %d lines in %d: %d orders placed meanwhile%n", file.lines().size(), year,
                ordersMeanwhile.size());

        assertAll("after the failed import",
                () -> assertTrue(ordersMeanwhile.stream().allMatch(status -> status == 201),
                        "orders placed during the import: " + ordersMeanwhile),
                () -> assertEquals(201, placeOrder(buyer, product, token), "an order placed after it"),
                () -> assertStored(run, file, firstBatch, products(file, line -> true)),
                () -> assertEquals(secondBatchRows, aggregateRowsOfTheSecondBatch(year), "aggregate rows of May to August"),
                () -> assertSales(run, year, file, firstBatch, token));

        JsonObject rerun = imported(file.csv(), token);
        Figures rest = file.of(firstBatch.negate());
        assertAll("the same file imported again, without the fault",
                () -> assertEquals(BATCH, rerun.getInt("invoices_already_imported"), rerun.toString()),
                () -> assertEquals(file.of(firstBatch).lines(), rerun.getInt("rows_already_imported"), rerun.toString()),
                () -> assertEquals(rest.orders(), rerun.getInt("orders_created"), rerun.toString()),
                () -> assertEquals(rest.lines(), rerun.getInt("items_created"), rerun.toString()),
                () -> assertEquals(credits(file, firstBatch.negate()), rerun.getInt("refunds_created"), rerun.toString()),
                () -> assertEquals(rest.customers(), rerun.getInt("customers_created"), rerun.toString()),
                () -> assertEquals(0, rerun.getInt("products_created"), "created before the first invoice: " + rerun),
                () -> assertEquals(0, rerun.getInt("rows_rejected"), rerun.toString()),
                () -> assertStored(run, file, line -> true, products(file, line -> true)),
                () -> assertSales(run, year, file, line -> true, token),
                () -> assertRebuildFindsNoDifference(token));
    }

    /**
     * A batch that meets a deadlock is rolled back by the database and written again (WriteRetries): the import
     * must then store what it would have without the deadlock, here the latest price of a product that the first
     * batch sold and the second sold at another price.
     */
    @Test
    void aBatchRedoneAfterADeadlockStoresWhatAnUninterruptedImportWould() {
        String token = Api.adminToken();
        String run = Api.unique("F").toUpperCase();
        LocalDateTime start = LocalDate.of(1990 + ThreadLocalRandom.current().nextInt(10), 3, 1).atTime(9, 0);
        String lamp = run + "-LAMP";
        PastSales file = new PastSales().line(run + "-0", lamp, 1, start, "10.00", run + "-K0", "Germany");
        for (int i = 1; i < BATCH; i++) {
            file.line(run + "-" + i, run + "-P" + i % 10, 1, start.plusMinutes(i), "2.00", run + "-K" + i % 20, "Germany");
        }
        file.line(run + "-" + BATCH, lamp, 1, start.plusDays(5), "12.00", run + "-K0", "Germany")
                .line(run + "-" + (BATCH + 1), run + "-PX", 1, start.plusDays(6), FAILING_SPEND, run + "-KX", "Germany");

        JsonObject report;
        try (StoreDatabase.Fault deadlock = database.failFirstWrite("customer_stats", "gross", FAILING_SPEND)) {
            report = imported(file.csv(), token);
            assertTrue(deadlock.fired(), "the second batch met the deadlock");
        }
        assertAll(
                () -> assertEquals(BATCH + 2, report.getInt("orders_created"), report.toString()),
                () -> assertEquals(12, report.getInt("products_created"), report.toString()),
                () -> assertStored(run, file, line -> true, 12),
                () -> assertEquals("12.00", database.value("SELECT price FROM product WHERE sku = ?", lamp),
                        "the lamp's latest UnitPrice, as in an import that met no deadlock"));
    }

    /**
     * The database refuses the month rows of May while the import adds what its batches owed, after every invoice was
     * written: the import answers 500, its orders stay, the months it could not add stay marked and are read from
     * their days (right at once), and the next import makes them up, after which a rebuild finds nothing to correct.
     */
    @Test
    void anImportWhoseRollupsFailToBeAddedLeavesFiguresRightAndTheNextImportCompletesThem() {
        String token = Api.adminToken();
        String run = Api.unique("F").toUpperCase();
        int year = 1990 + ThreadLocalRandom.current().nextInt(10);
        PastSales file = file(run, year);
        try (StoreDatabase.Fault fault = database.failWrites("sales_rollup", "period_start", year + "-05-01");
             Response failed = post(file.csv(), token)) {
            ErrorAssertions.assertJsonError(failed, 500);
        }
        assertStored(run, file, line -> true, products(file, line -> true));
        assertTrue(database.count("SELECT COUNT(*) FROM sales_rollup_pending WHERE period_start = ?", year + "-05-01") > 0,
                "May stays marked");
        assertSales(run, year, file, line -> true, token);

        importOneSale("M" + run, "2017-11-01 10:00", token);
        assertEquals(0, database.count("SELECT COUNT(*) FROM sales_rollup_pending WHERE period_start >= ? AND period_start < ?",
                year + "-01-01", (year + 1) + "-01-01"));
        assertSales(run, year, file, line -> true, token);
        assertRebuildFindsNoDifference(token);
    }

    /**
     * An import whose server died after some batches still owed their month and year rows (DeferredRollups): its
     * marks stay. Until repaired, the analytics read those periods from their days, so they stay right although the
     * rollup rows are wrong (here made wrong on purpose), and a rebuild leaves them alone; the next import makes them
     * up from the days and clears the marks, after which the rollups themselves answer right.
     */
    @Test
    void rollupsThatADeadImportOwedAreReadAroundAndMadeUpByTheNextImport() {
        String token = Api.adminToken();
        String run = Api.unique("F").toUpperCase();
        int year = 1990 + ThreadLocalRandom.current().nextInt(10);
        PastSales file = file(run, year);
        imported(file.csv(), token);
        String may = year + "-05-01";
        String january = year + "-01-01";
        long deadImport = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        database.update("INSERT INTO sales_rollup_pending (grain, period_start, import_id) VALUES ('M', ?, ?)", may,
                deadImport);
        database.update("INSERT INTO sales_rollup_pending (grain, period_start, import_id) VALUES ('Y', ?, ?)", january,
                deadImport);
        assertTrue(database.update("UPDATE sales_rollup SET units = units + 1000, gross = gross + 1000 WHERE "
                + "(grain = 'M' AND period_start = ?) OR (grain = 'Y' AND period_start = ?)", may, january) > 0);

        assertSales(run, year, file, line -> true, token);
        try (Response response = Api.post("api/analytics/rebuild/", token, "")) {
            assertEquals(200, response.getStatus());
        }
        assertEquals(2, database.count("SELECT COUNT(*) FROM sales_rollup_pending WHERE import_id = ?", deadImport),
                "a rebuild leaves the rollups of pending periods to the import that owes them");

        importOneSale("N" + run, "2017-10-01 10:00", token);
        assertEquals(0, database.count("SELECT COUNT(*) FROM sales_rollup_pending WHERE import_id = ?", deadImport),
                "the next import cleared the dead one's marks");
        assertSales(run, year, file, line -> true, token);
        assertRebuildFindsNoDifference(token);
    }

    /**
     * 1,200 invoices of three lines in one year, each batch of 500 with customers and products of its own and its
     * own months (January to April, May to August, September on). Every tenth invoice is refunded in part by a
     * credit note an hour later.
     */
    private static PastSales file(String run, int year) {
        PastSales file = new PastSales();
        for (int i = 0; i < INVOICES; i++) {
            int batch = i / BATCH;
            int k = i % BATCH;
            LocalDateTime at = LocalDate.of(year, 4 * batch + 1, 1).atTime(9, 0).plusDays(k * 110L / BATCH).plusMinutes(k);
            if (i == FAILING_INVOICE) {
                file.line(run + "-" + i, run + "-PX", 1, at, FAILING_SPEND, run + "-KX", "Germany");
                continue;
            }
            int customer = batch * CUSTOMERS_PER_BATCH + k % CUSTOMERS_PER_BATCH;
            for (int l = 0; l < LINES_PER_INVOICE; l++) {
                int product = batch * PRODUCTS_PER_BATCH + (k + 7 * l) % PRODUCTS_PER_BATCH;
                file.line(run + "-" + i, run + "-P" + product, 1 + (k + l) % 5, at, (1 + product) + ".25",
                        run + "-K" + customer, COUNTRIES.get(customer % COUNTRIES.size()));
            }
            if (k % 10 == 9) {
                Line bought = file.lines().get(file.lines().size() - 1);
                file.line("C" + run + "-" + i, bought.sku(), -1, at.plusHours(1), bought.price().toPlainString(),
                        bought.customer(), bought.country());
            }
        }
        return file;
    }

    private static int position(Line line) {
        return Integer.parseInt(line.invoice().substring(line.invoice().lastIndexOf('-') + 1));
    }

    private static long credits(PastSales file, Predicate<Line> which) {
        return file.lines().stream().filter(which).filter(Line::credit).count();
    }

    private static long products(PastSales file, Predicate<Line> which) {
        return file.lines().stream().filter(which).filter(line -> !line.credit()).map(Line::sku).distinct().count();
    }

    /** Orders, lines, refunds, customers (and their stats) and products of the run, counted in the database. */
    private void assertStored(String run, PastSales file, Predicate<Line> which, long products) {
        Figures expected = file.of(which);
        String invoices = run + "-%";
        assertEquals(expected.orders(), database.count("SELECT COUNT(*) FROM orders WHERE external_reference LIKE ?",
                invoices), "orders");
        assertEquals(expected.lines(), database.count("SELECT COUNT(*) FROM order_item i JOIN orders o ON o.id = i.order_id "
                + "WHERE o.external_reference LIKE ?", invoices), "order lines");
        assertEquals(money(expected.gross()), sum("SELECT SUM(total_amount) FROM orders WHERE external_reference LIKE ?",
                invoices), "the orders' totals");
        assertEquals(credits(file, which), database.count("SELECT COUNT(*) FROM refund WHERE external_reference LIKE ?",
                "C" + invoices), "refunds");
        assertEquals(expected.customers(), database.count("SELECT COUNT(*) FROM customer WHERE external_reference LIKE ?",
                invoices), "customers");
        assertEquals(products, database.count("SELECT COUNT(*) FROM product WHERE sku LIKE ?", invoices), "products");
        String stats = " FROM customer_stats s JOIN customer c ON c.id = s.customer_id WHERE c.external_reference LIKE ?";
        assertEquals(money(expected.gross()), sum("SELECT SUM(s.gross)" + stats, invoices), "the customers' gross spend");
        assertEquals(money(expected.refunds()), sum("SELECT SUM(s.refunds)" + stats, invoices), "the customers' refunds");
    }

    private String sum(String sql, Object... values) {
        String sum = database.value(sql, values);
        return money(sum.isEmpty() ? BigDecimal.ZERO : new BigDecimal(sum));
    }

    /** The aggregate rows of the second batch's months (May to August), of every product: none of that batch may be stored. */
    private Map<String, Long> aggregateRowsOfTheSecondBatch(int year) {
        Map<String, Long> rows = new TreeMap<>();
        String from = year + "-05-01";
        String to = year + "-09-01";
        for (String table : List.of("sales_daily", "country_daily", "category_daily")) {
            rows.put(table, database.count("SELECT COUNT(*) FROM " + table + " WHERE sale_date >= ? AND sale_date < ?",
                    from, to));
        }
        rows.put("sales_rollup", database.count("SELECT COUNT(*) FROM sales_rollup WHERE grain = 'M' AND period_start >= ? "
                + "AND period_start < ?", from, to));
        return rows;
    }

    /** The year's sales of each product of the run, as the analytics answer them. */
    private static void assertSales(String run, int year, PastSales file, Predicate<Line> which, String token) {
        Map<String, String> actual = new TreeMap<>();
        try (Response response = Api.request("api/analytics/sales/?type=revenue_by_product&limit=1000&start_date=" + year
                + "-01-01&end_date=" + year + "-12-31", token).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            for (JsonObject row : ((JsonArray) Api.parse(body)).getValuesAs(JsonObject.class)) {
                if (row.getString("SKU").toUpperCase().startsWith(run + "-")) {
                    actual.put(row.getString("SKU").toUpperCase(), row.getInt("units_sold") + " units, gross "
                            + row.getString("gross_sales") + ", refunds " + row.getString("refunds"));
                }
            }
        }
        Map<String, String> expected = new TreeMap<>();
        file.lines().stream().filter(which).filter(line -> !line.credit()).map(Line::sku).distinct().forEach(sku -> {
            Figures figures = file.of(which.and(line -> line.sku().equals(sku)));
            expected.put(sku, figures.units() + " units, gross " + money(figures.gross()) + ", refunds "
                    + money(figures.refunds()));
        });
        assertEquals(expected, actual, "revenue_by_product in " + year);
    }

    /** Another import, of one sale in 2017 (invoice, customer and SKU all named so), as the next import would be. */
    private static void importOneSale(String name, String date, String token) {
        imported(PastSales.HEADER + name + "," + name + ",NEXT,1," + date + ",1.00," + name + ",United Kingdom\n", token);
    }

    private static void assertRebuildFindsNoDifference(String token) {
        try (Response response = Api.post("api/analytics/rebuild/", token, "")) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            assertEquals(0, ((JsonObject) Api.parse(body)).getInt("differences"), body);
        }
    }

    private static Response post(String csv, String token) {
        return Api.request("api/import/orders/", token).post(Entity.entity(csv, "text/csv"));
    }

    private static JsonObject imported(String csv, String token) {
        try (Response response = post(csv, token)) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonObject) Api.parse(body);
        }
    }

    /** One order after another until the import answers (at least one); the status of each. */
    private static List<Integer> placeOrdersUntil(CompletableFuture<?> importing, long customer, long product,
                                                  String token) {
        List<Integer> statuses = new ArrayList<>();
        do {
            statuses.add(placeOrder(customer, product, token));
        } while (!importing.isDone() && statuses.size() < 200);
        return statuses;
    }

    private static int placeOrder(long customer, long product, String token) {
        try (Response response = Api.post("api/orders/", token, Store.order(customer, product, 1))) {
            return response.getStatus();
        }
    }
}
