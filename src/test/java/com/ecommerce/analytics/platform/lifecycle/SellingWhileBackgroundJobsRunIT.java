package com.ecommerce.analytics.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;
import com.ecommerce.analytics.testing.StoreDatabase;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The store sells while the background thread builds models (BackgroundWork): a recommendation model build held
 * in the database for 8 s (a stalled write) and a customer model fit queued behind it, while 10 clients place 100
 * orders. Every order is placed before the build answers, the fit runs after the build, and the stock and the stored
 * orders add up. A build that fails part-way frees the background thread, leaves the model in use as it was, and the
 * next build and fit run.
 */
@ExtendWith(ArquillianExtension.class)
class SellingWhileBackgroundJobsRunIT {

    private static final String[] PRICES = {"19.99", "250.00", "7.45", "1200.10", "64.42"};
    private static final int STOCK = 1_000;
    private static final int CLIENTS = 10;
    private static final int ORDERS_PER_CLIENT = 10;

    @Deployment(testable = false)
    static WebArchive storeDatabase() {
        return StoreDatabase.deployment();
    }

    @ArquillianResource
    URL storeDatabaseUrl;

    private StoreDatabase database;

    private record Answer(int status, String body, long nanos) {
    }

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
    void ordersArePlacedWhileABuildHoldsTheBackgroundThreadAndTheFitQueuedBehindItRunsAfterIt() throws Exception {
        long[] products = new long[PRICES.length];
        for (int p = 0; p < products.length; p++) {
            products[p] = Store.product(PRICES[p], STOCK);
        }
        long[] customers = new long[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            customers[c] = Store.customer(List.of("US", "GB", "DE", "FR", "JP").get(c % 5));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
        try (StoreDatabase.Fault stall = database.stallWrites("recommendation_model", "status", "building")) {
            Future<Answer> build = pool.submit(() -> post("api/recommendations/rebuild/"));
            awaitFirstWrite(stall);
            Future<Answer> fit = pool.submit(() -> post("api/analytics/customer-models/rebuild/"));
            List<Future<List<Answer>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long customer = customers[c];
                clients.add(pool.submit(() -> {
                    List<Answer> answers = new ArrayList<>();
                    for (int o = 0; o < ORDERS_PER_CLIENT; o++) {
                        answers.add(place(customer, products[o % products.length], 1 + o % 3));
                    }
                    return answers;
                }));
            }
            List<Answer> orders = new ArrayList<>();
            for (Future<List<Answer>> client : clients) {
                orders.addAll(client.get(2, TimeUnit.MINUTES));
            }
            boolean buildStillRunning = !build.isDone();
            boolean fitStillWaiting = !fit.isDone();
            Answer built = build.get(2, TimeUnit.MINUTES);
            Answer fitted = fit.get(5, TimeUnit.MINUTES);
            assertAll(
                    () -> assertEquals(Map.of(201, (long) CLIENTS * ORDERS_PER_CLIENT), statuses(orders),
                            "every order placed: " + orders.stream().filter(a -> a.status() != 201).limit(3).toList()),
                    () -> assertTrue(buildStillRunning, "the 100 orders were answered while the build was held"),
                    () -> assertTrue(fitStillWaiting, "the fit waited for the build: one background job at a time"),
                    () -> assertTrue(stall.fired(), "the build met the stalled write"),
                    () -> assertEquals(200, built.status(), built.body()),
                    () -> assertTrue(fitted.nanos() > built.nanos(), "the fit answered after the build"),
                    () -> assertTrue(fitted.status() == 200 || fitted.status() == 422 && fitted.body().contains(
                            "bought twice"), "the fit ran (422 if no customer of the store bought twice): " + fitted),
                    () -> assertStored(products, customers));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBuildThatFailsPartWayFreesTheBackgroundThreadAndLeavesTheModelInUse() throws Exception {
        long product = Store.product("31.00", STOCK);
        long customer = Store.customer("DE");
        long inUseBefore = activeModel();
        try (StoreDatabase.Fault failing = database.failWrites("recommendation_model", "status", "active")) {
            Answer failed = post("api/recommendations/rebuild/");
            assertAll(
                    () -> assertEquals(500, failed.status(), failed.body()),
                    () -> assertTrue(((JsonObject) Api.parse(failed.body())).containsKey("incident"), failed.body()),
                    () -> assertTrue(failing.fired(), "the build met the failing write"));
        }
        assertAll(
                () -> assertEquals(inUseBefore, activeModel(), "the model in use is the one before the failed build"),
                () -> assertEquals(0, database.count("SELECT COUNT(*) FROM recommendation_model WHERE status = 'building'"),
                        "the failed build's model is not left building"),
                () -> assertEquals(201, place(customer, product, 2).status(), "an order after the failure"));
        Answer rebuilt = post("api/recommendations/rebuild/");
        assertEquals(200, rebuilt.status(), rebuilt.body());
        long model = ((JsonObject) Api.parse(rebuilt.body())).getJsonNumber("model").longValue();
        assertEquals(model, activeModel(), "the next build is the model in use");
        Answer fitted = post("api/analytics/customer-models/rebuild/");
        assertTrue(fitted.status() == 200 || fitted.status() == 422, "the next job runs: " + fitted);
    }

    private void assertStored(long[] products, long[] customers) {
        int[] sold = new int[products.length];
        for (int o = 0; o < ORDERS_PER_CLIENT; o++) {
            sold[o % products.length] += CLIENTS * (1 + o % 3);
        }
        BigDecimal expectedTotal = BigDecimal.ZERO;
        for (int p = 0; p < products.length; p++) {
            expectedTotal = expectedTotal.add(new BigDecimal(PRICES[p]).multiply(BigDecimal.valueOf(sold[p])));
            assertEquals(STOCK - sold[p], Store.stockOf(products[p]), "stock left of product " + p);
            assertEquals(sold[p], database.count("SELECT COALESCE(SUM(quantity), 0) FROM order_item WHERE product_id = ?",
                    products[p]), "units stored in order lines of product " + p);
        }
        String ids = Arrays.stream(customers).mapToObj(String::valueOf).collect(Collectors.joining(","));
        assertEquals((long) CLIENTS * ORDERS_PER_CLIENT, database.count("SELECT COUNT(*) FROM orders WHERE customer_id IN ("
                + ids + ")"), "orders stored");
        assertEquals(0, expectedTotal.compareTo(new BigDecimal(database.value("SELECT SUM(total_amount) FROM orders "
                + "WHERE customer_id IN (" + ids + ")"))), "the stored orders' totals");
    }

    private long activeModel() {
        String id = database.value("SELECT active_model_id FROM recommendation_state WHERE id = 1");
        return id.isEmpty() ? 0 : Long.parseLong(id);
    }

    private static Answer place(long customer, long product, int quantity) {
        try (Response response = Store.placeOrder(customer, product, quantity, "jobs-" + UUID.randomUUID())) {
            return new Answer(response.getStatus(), response.readEntity(String.class), System.nanoTime());
        }
    }

    private static Answer post(String path) {
        try (Response response = Api.request(path, Api.admin()).post(Entity.entity("{}", MediaType.APPLICATION_JSON_TYPE))) {
            return new Answer(response.getStatus(), response.readEntity(String.class), System.nanoTime());
        }
    }

    /** Waits until the build has met the stalled write, and so holds the background thread. */
    private static void awaitFirstWrite(StoreDatabase.Fault stall) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!stall.fired()) {
            if (System.nanoTime() > giveUp) {
                fail("the build did not reach its first write within 2 minutes");
            }
            Thread.sleep(50);
        }
    }

    private static Map<Integer, Long> statuses(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }
}
