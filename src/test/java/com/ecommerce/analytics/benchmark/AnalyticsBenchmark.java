package com.ecommerce.analytics.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.platform.demo.DemoDataset;
import com.ecommerce.analytics.platform.demo.DemoWriter;
import com.ecommerce.analytics.testing.Api;

import jakarta.ws.rs.core.Response;

/**
 * The analytics at scale (mvn -Pbenchmark verify, see README): bulk-loads a million orders into the
 * MySQL/MariaDB database the test server uses, rebuilds the aggregates, then times every analytics request
 * over HTTP after warm-up and writes the medians and 95th percentiles to target/benchmark-results.md.
 */
class AnalyticsBenchmark {

    private static final int PRODUCTS_PER_CATEGORY = 1_667;
    private static final int CUSTOMERS = 100_000;
    private static final int ORDERS = 1_000_000;
    private static final int WARM_UP = 5;
    private static final int RUNS = 30;

    private final Map<String, double[]> results = new LinkedHashMap<>();
    private final StringBuilder report = new StringBuilder();

    @Test
    void analyticsAtAMillionOrders() throws Exception {
        String url = "jdbc:mysql://" + env("DATABASE_HOST", "127.0.0.1") + ":" + env("DATABASE_PORT", "3306") + "/"
                + env("DATABASE_NAME", null) + "?rewriteBatchedStatements=true&connectionTimeZone=UTC";
        try (Connection db = DriverManager.getConnection(url, env("DATABASE_USER", null), env("DATABASE_PASSWORD", ""))) {
            long orders = count(db, "SELECT COUNT(*) FROM orders");
            if (orders < ORDERS) {
                assertEquals(0, orders, "the benchmark loads into an empty database");
                load(db);
            }
            report.append(String.format("Data: %,d orders, %,d order lines, %,d customers, %,d products, %,d refunds%n%n",
                    count(db, "SELECT COUNT(*) FROM orders"), count(db, "SELECT COUNT(*) FROM order_item"),
                    count(db, "SELECT COUNT(*) FROM customer"), count(db, "SELECT COUNT(*) FROM product"),
                    count(db, "SELECT COUNT(*) FROM refund")));
        }
        String admin = Api.adminToken();
        long started = System.nanoTime();
        try (Response rebuild = Api.post("api/analytics/rebuild/", admin, "")) {
            assertEquals(200, rebuild.getStatus(), rebuild.readEntity(String.class));
        }
        report.append(String.format("Rebuild of the aggregates: %.1f s%n%n", (System.nanoTime() - started) / 1e9));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate monthStart = today.minusMonths(1).withDayOfMonth(1);
        String month = "start_date=" + monthStart + "&end_date=" + monthStart.plusMonths(1).minusDays(1);
        String years = "start_date=" + today.minusMonths(24) + "&end_date=" + today;
        for (String[] range : new String[][] {{"1 month", month}, {"24 months", years}}) {
            for (String type : List.of("revenue_by_category", "revenue_by_country", "revenue_by_product",
                    "top_selling_products&country=US", "revenue_over_time&interval=day",
                    "revenue_over_time&interval=month&compare=previous_year")) {
                time("sales " + type + " (" + range[0] + ")", "api/analytics/sales/?type=" + type + "&" + range[1], admin);
            }
        }
        time("sales churn_rate", "api/analytics/sales/?type=churn_rate", admin);
        time("sales churn_rate cohort", "api/analytics/sales/?type=churn_rate&definition=cohort", admin);
        time("customers report, first page", "api/analytics/customers/?limit=50", admin);
        Random random = new Random(7);
        timeEach("customer CLV", () -> "api/customer/" + (1 + random.nextInt(CUSTOMERS)) + "/clv/", admin);
        timeEach("order tax", () -> "api/order/" + (1 + random.nextInt(ORDERS)) + "/tax/", admin);

        report.append("| request | p50 ms | p95 ms |\n|---|---:|---:|\n");
        results.forEach((name, t) -> report.append(String.format("| %s | %.1f | %.1f |%n", name, t[0], t[1])));
        Path out = Path.of(System.getProperty("benchmark.output", "target/benchmark-results.md"));
        Files.writeString(out, report);
        System.out.println(report);
        assertTrue(results.size() > 10);
    }

    private void load(Connection db) throws Exception {
        long started = System.nanoTime();
        DemoDataset data = DemoDataset.generate(42, Instant.now().truncatedTo(ChronoUnit.SECONDS), PRODUCTS_PER_CATEGORY,
                CUSTOMERS, ORDERS);
        db.setAutoCommit(false);
        DemoWriter.write(db, data);
        db.commit();
        report.append(String.format("Bulk load: %.1f s%n", (System.nanoTime() - started) / 1e9));
    }

    private void time(String name, String path, String token) {
        timeEach(name, () -> path, token);
    }

    private void timeEach(String name, Supplier<String> paths, String token) {
        for (int i = 0; i < WARM_UP; i++) {
            call(paths.get(), token);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            String path = paths.get();
            long started = System.nanoTime();
            call(path, token);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        results.put(name, new double[] {millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]});
    }

    private static void call(String path, String token) {
        try (Response response = Api.request(path, token).get()) {
            String body = response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new AssertionError(path + " gave " + response.getStatus() + ": " + body);
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String env(String name, String absent) {
        String value = System.getenv(name);
        if (value == null && absent == null) {
            throw new IllegalStateException("The benchmark runs on MySQL/MariaDB: set " + name);
        }
        return value == null ? absent : value;
    }
}
