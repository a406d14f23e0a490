package com.ecommerce.analytics.analytics.boundary;

import static com.ecommerce.analytics.testing.PastSales.money;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.PastSales;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Issue #14: the store keeps selling while analytics work. An import of a few thousand lines of history and a
 * rebuild of the aggregates run while 20 clients place 200 orders against too little stock; every order is
 * placed or refused for stock, and every figure adds up afterwards.
 */
class SellingWhileAnalyticsWorkIT {

    private static final ZoneId STORE = ZoneId.of("America/New_York");
    private static final String[] PRICES = {"812.37", "455.19", "97.03", "1203.55", "64.42"};
    private static final int CLIENTS = 20;
    private static final int ORDERS = 200;
    private static final int IMPORTED_INVOICES = 600;
    private static final int LINES_PER_INVOICE = 5;
    private static final int IMPORTED_PRODUCTS = 40;
    private static final int IMPORTED_CUSTOMERS = 120;

    private record Answer(int order, int status, String body) {
    }

    @Test
    void ordersPlacedDuringAnImportAndARebuildAreTakenOrRefusedForStockAndEveryFigureAddsUp() throws Exception {
        String token = Api.adminToken();
        long category = Store.category();
        int[][] plan = plan();
        int[] demand = new int[PRICES.length];
        for (int[] order : plan) {
            for (int line = 0; line < order.length; line += 2) {
                demand[order[line]] += order[line + 1];
            }
        }
        long[] products = new long[PRICES.length];
        int[] stock = new int[PRICES.length];
        for (int p = 0; p < products.length; p++) {
            stock[p] = demand[p] * 4 / 5;
            products[p] = Store.product(PRICES[p], stock[p], category);
        }
        long[] customers = new long[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            customers[c] = Store.customer(List.of("US", "GB", "DE", "FR").get(c % 4));
        }
        String run = Api.unique("S").toUpperCase();
        int year = 1981 + ThreadLocalRandom.current().nextInt(9);
        PastSales history = history(run, year);

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
        long began = System.nanoTime();
        Future<Answer> imported = pool.submit(() -> {
            try (Response response = Api.request("api/import/orders/", token).post(Entity.entity(history.csv(), "text/csv"))) {
                return new Answer(-1, response.getStatus(), response.readEntity(String.class));
            }
        });
        Thread.sleep(500);
        Future<Answer> rebuilt = pool.submit(() -> rebuild(token));
        Thread.sleep(500);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Answer>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                go.await();
                List<Answer> answers = new ArrayList<>();
                for (int o = client; o < ORDERS; o += CLIENTS) {
                    answers.add(place(o, token, order(customers[client], products, plan[o])));
                }
                return answers;
            }));
        }
        go.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<List<Answer>> client : clients) {
            answers.addAll(client.get(10, TimeUnit.MINUTES));
        }
        long ordersDone = System.nanoTime();
        boolean importStillRunning = !imported.isDone();
        boolean rebuildStillRunning = !rebuilt.isDone();
        Answer importAnswer = imported.get(10, TimeUnit.MINUTES);
        Answer rebuildAnswer = rebuilt.get(10, TimeUnit.MINUTES);
        pool.shutdown();
        System.out.printf("%d orders answered after %d ms (import still running: %s, rebuild still running: %s); "
                        + "statuses %s; import %d, rebuild %d after %d ms%n", answers.size(),
                (ordersDone - began) / 1_000_000, importStillRunning, rebuildStillRunning, statuses(answers),
                importAnswer.status(), rebuildAnswer.status(), (System.nanoTime() - began) / 1_000_000);

        int[] sold = new int[PRICES.length];
        BigDecimal totals = BigDecimal.ZERO.setScale(2);
        for (Answer answer : answers) {
            if (answer.status() == 201) {
                int[] order = plan[answer.order()];
                for (int line = 0; line < order.length; line += 2) {
                    sold[order[line]] += order[line + 1];
                }
                totals = totals.add(new BigDecimal(((JsonObject) Api.parse(answer.body())).getString("total_amount")));
            }
        }
        BigDecimal placedTotals = totals;
        assertAll(
                () -> assertTrue(answers.stream().allMatch(a -> a.status() == 201
                        || a.status() == 409 && a.body().contains("shortages")),
                        "every order placed (201) or refused for stock (409 with shortages); got " + statuses(answers)
                                + ", e.g. " + unexpected(answers)),
                () -> assertTrue(answers.stream().anyMatch(a -> a.status() == 409),
                        "the stock was short of the demand: some orders are refused " + statuses(answers)),
                () -> {
                    for (int p = 0; p < products.length; p++) {
                        int left = Store.stockOf(products[p]);
                        int product = p;
                        assertEquals(stock[p], sold[p] + left, () -> "units sold + stock left = starting stock of product "
                                + product + ": " + sold[product] + " units in orders answered 201, "
                                + unitsInOrderLines(products[product], token) + " in the order lines stored, " + left
                                + " left of " + stock[product]);
                    }
                },
                () -> assertImported(history, importAnswer),
                () -> assertEquals(200, rebuildAnswer.status(), "the rebuild beside the orders: " + rebuildAnswer.body()),
                () -> assertSoldToday(products, sold, placedTotals, token),
                () -> assertHistoryCounted(history, run, year, token),
                () -> {
                    Answer after = rebuild(token);
                    assertEquals(200, after.status(), after.body());
                    assertEquals(0, ((JsonObject) Api.parse(after.body())).getInt("differences"), after.body());
                });
    }

    /**
     * As a careful client places an order: with an Idempotency-Key, and sent again with it after a 503 (the store
     * answers a change it could not finish within its answer time so, and the change may have been saved).
     */
    private static Answer place(int order, String token, String body) throws InterruptedException {
        String key = "selling-" + UUID.randomUUID();
        for (int attempt = 1; ; attempt++) {
            try (Response response = Api.request("api/orders/", token).header("Idempotency-Key", key)
                    .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
                String answer = response.readEntity(String.class);
                String retryAfter = response.getHeaderString("Retry-After");
                if (response.getStatus() != 503 || retryAfter == null || attempt == 3) {
                    return new Answer(order, response.getStatus(), answer);
                }
                Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(retryAfter)));
            }
        }
    }

    private static long unitsInOrderLines(long product, String token) {
        try (Response response = Api.request("api/order-items/?product=" + product + "&limit=1000", token).get()) {
            return ((JsonArray) Api.parse(response.readEntity(String.class))).getValuesAs(JsonObject.class).stream()
                    .mapToLong(line -> line.getInt("quantity")).sum();
        }
    }

    /** Order i: product i % 5, 1-3 units, every fourth order also one unit of another product. */
    private static int[][] plan() {
        int[][] plan = new int[ORDERS][];
        for (int i = 0; i < ORDERS; i++) {
            int product = i % PRICES.length;
            plan[i] = i % 4 == 0 ? new int[] {product, 1 + i % 3, (product + 2) % PRICES.length, 1}
                    : new int[] {product, 1 + i % 3};
        }
        return plan;
    }

    private static String order(long customer, long[] products, int[] lines) {
        StringBuilder items = new StringBuilder();
        for (int line = 0; line < lines.length; line += 2) {
            items.append(line == 0 ? "" : ",").append("{\"product\":").append(products[lines[line]])
                    .append(",\"quantity\":").append(lines[line + 1]).append('}');
        }
        return "{\"customer\":" + customer + ",\"items\":[" + items + "]}";
    }

    /** 600 invoices of 5 lines over one year, of 40 new products, by 120 new customers. */
    private static PastSales history(String run, int year) {
        PastSales file = new PastSales();
        long firstCustomer = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        List<String> countries = List.of("United Kingdom", "Germany", "France");
        for (int invoice = 0; invoice < IMPORTED_INVOICES; invoice++) {
            LocalDateTime at = LocalDateTime.of(year, 1, 1, 9 + invoice % 8, invoice % 60)
                    .plusDays(invoice * 364L / IMPORTED_INVOICES);
            int customer = invoice % IMPORTED_CUSTOMERS;
            for (int line = 0; line < LINES_PER_INVOICE; line++) {
                int product = (invoice + 7 * line) % IMPORTED_PRODUCTS;
                file.line("H" + run + "-" + invoice, run + "-P" + product, 1 + (invoice + line) % 6, at,
                        (1 + product) + ".25", String.valueOf(firstCustomer + customer), countries.get(customer % 3));
            }
        }
        return file;
    }

    private static void assertImported(PastSales history, Answer answer) {
        assertEquals(200, answer.status(), "the import beside the orders: " + answer.body());
        JsonObject report = (JsonObject) Api.parse(answer.body());
        assertEquals(history.lines().size(), report.getInt("rows_read"), report.toString());
        assertEquals(IMPORTED_INVOICES, report.getInt("orders_created"), report.toString());
        assertEquals(IMPORTED_INVOICES * LINES_PER_INVOICE, report.getInt("items_created"), report.toString());
        assertEquals(0, report.getInt("refunds_created"), report.toString());
        assertEquals(IMPORTED_CUSTOMERS, report.getInt("customers_created"), report.toString());
        assertEquals(IMPORTED_PRODUCTS, report.getInt("products_created"), report.toString());
        assertEquals(0, report.getInt("rows_rejected"), report.toString());
    }

    /** The orders were placed "now": today in the store's time zone, give or take a day around midnight. */
    private static void assertSoldToday(long[] products, int[] sold, BigDecimal placedTotals, String token) {
        LocalDate today = LocalDate.now(STORE);
        JsonArray rows = sales("type=revenue_by_product&limit=1000&start_date=" + today.minusDays(1) + "&end_date="
                + today.plusDays(1), token);
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        for (int p = 0; p < products.length; p++) {
            long id = products[p];
            BigDecimal expected = new BigDecimal(PRICES[p]).multiply(BigDecimal.valueOf(sold[p]));
            JsonObject row = rows.stream().map(JsonObject.class::cast).filter(r -> r.getJsonNumber("id").longValue() == id)
                    .findFirst().orElse(null);
            if (sold[p] == 0 && row == null) {
                continue;
            }
            assertTrue(row != null, "product " + id + " sold " + sold[p] + " units but is not among " + rows.size() + " rows");
            assertEquals(sold[p], row.getInt("units_sold"), "units of product " + p);
            assertEquals(money(expected), row.getString("total_revenue"), "revenue of product " + p);
            revenue = revenue.add(new BigDecimal(row.getString("total_revenue")));
        }
        assertEquals(money(placedTotals), money(revenue), "the products' revenue is the placed orders' totals");
    }

    /** Every product of the imported year, as the file says. */
    private static void assertHistoryCounted(PastSales history, String run, int year, String token) {
        JsonArray rows = sales("type=revenue_by_product&limit=1000&start_date=" + year + "-01-01&end_date=" + year + "-12-31",
                token);
        Map<String, String> actual = new TreeMap<>();
        for (JsonObject row : rows.getValuesAs(JsonObject.class)) {
            if (row.getString("SKU").toUpperCase().startsWith(run + "-")) {
                actual.put(row.getString("SKU").toUpperCase(), row.getInt("units_sold") + " units " + row.getString("total_revenue"));
            }
        }
        Map<String, String> expected = history.lines().stream().map(PastSales.Line::sku).distinct().collect(Collectors.toMap(
                sku -> sku, sku -> {
                    PastSales.Figures figures = history.of(line -> line.sku().equals(sku));
                    return figures.units() + " units " + money(figures.net());
                }, (a, b) -> a, TreeMap::new));
        assertEquals(expected, actual, "the imported year's sales per product");
    }

    private static Answer rebuild(String token) {
        try (Response response = Api.post("api/analytics/rebuild/", token, "")) {
            return new Answer(-1, response.getStatus(), response.readEntity(String.class));
        }
    }

    private static JsonArray sales(String query, String token) {
        try (Response response = Api.request("api/analytics/sales/?" + query, token).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }

    private static Map<Integer, Long> statuses(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    private static List<String> unexpected(List<Answer> answers) {
        return answers.stream().filter(a -> a.status() != 201 && !(a.status() == 409 && a.body().contains("shortages")))
                .limit(3).map(a -> a.status() + " " + a.body()).toList();
    }
}
