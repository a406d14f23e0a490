package com.ecommerce.analytics.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.ecommerce.analytics.platform.demo.DemoDataset;
import com.ecommerce.analytics.platform.demo.DemoWriter;
import com.ecommerce.analytics.testing.Api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The analytics at scale (mvn -Pbenchmark verify, see README): bulk-loads a million orders into the
 * MySQL/MariaDB database the test server uses, rebuilds the aggregates, then times every analytics request
 * over HTTP after warm-up and writes the medians and 95th percentiles to target/benchmark-results.md.
 */
@DisabledIfSystemProperty(named = "benchmark.only", matches = "import|cluster")
class AnalyticsBenchmark {

    private static final int PRODUCTS_PER_CATEGORY = 1_667;
    private static final int CUSTOMERS = 100_000;
    private static final int ORDERS = 1_000_000;
    private static final int WARM_UP = 20;
    private static final int RUNS = 50;
    private static final int MIXED_WARM_UP_ROUNDS = 10;

    private final Map<String, double[]> results = new LinkedHashMap<>();
    private final StringBuilder report = new StringBuilder();
    private boolean loadedNow;

    @Test
    void analyticsAtAMillionOrders() throws Exception {
        String url = "jdbc:mysql://" + env("DATABASE_HOST", "127.0.0.1") + ":" + env("DATABASE_PORT", "3306") + "/"
                + env("DATABASE_NAME", null) + "?rewriteBatchedStatements=true&connectionTimeZone=UTC";
        try (Connection db = DriverManager.getConnection(url, env("DATABASE_USER", null), env("DATABASE_PASSWORD", ""))) {
            long orders = count(db, "SELECT COUNT(*) FROM orders");
            if (orders < ORDERS) {
                assertEquals(0, orders, "the benchmark loads into an empty database");
                load(db);
                loadedNow = true;
            }
            report.append(String.format("Data: %,d orders, %,d order lines, %,d customers, %,d products, %,d refunds%n%n",
                    count(db, "SELECT COUNT(*) FROM orders"), count(db, "SELECT COUNT(*) FROM order_item"),
                    count(db, "SELECT COUNT(*) FROM customer"), count(db, "SELECT COUNT(*) FROM product"),
                    count(db, "SELECT COUNT(*) FROM refund")));
        }
        String admin = Api.adminToken();
        String only = System.getProperty("benchmark.only", "all");
        boolean all = only.equals("all");
        Path out = Path.of(System.getProperty("benchmark.output", "target/benchmark-results.md"));
        // The server started before the load: its aggregates count the loaded orders only once rebuilt.
        if (all || only.equals("analytics") || only.equals("dashboard") || ((only.equals("inventory") || only.equals("customers")) && loadedNow)) {
            long started = System.nanoTime();
            try (Response rebuild = Api.post("api/analytics/rebuild/", admin, "")) {
                assertEquals(200, rebuild.getStatus(), rebuild.readEntity(String.class));
            }
            report.append(String.format("Rebuild of the aggregates: %.1f s%n%n", (System.nanoTime() - started) / 1e9));
        }
        if (all || only.equals("analytics")) {
            timeAnalytics(admin);
            Files.writeString(out, report);
        }
        if (all || only.equals("recommendations")) {
            timeRecommendations(admin);
            Files.writeString(out, report);
        }
        if (all || only.equals("contention")) {
            try (Connection db = DriverManager.getConnection(url, env("DATABASE_USER", null), env("DATABASE_PASSWORD", ""))) {
                new SellingDuringWork(report).run(db);
            }
            Files.writeString(out, report);
        }
        if (all || only.equals("dashboard")) {
            new DashboardLoadTime(report).run();
            Files.writeString(out, report);
        }
        if (all || only.equals("inventory")) {
            try (Connection db = DriverManager.getConnection(url, env("DATABASE_USER", null), env("DATABASE_PASSWORD", ""))) {
                new InventoryBenchmark(report, this::timeEach).run(db, admin);
            }
            appendResults();
            Files.writeString(out, report);
        }
        if (all || only.equals("customers")) {
            try (Connection db = DriverManager.getConnection(url, env("DATABASE_USER", null), env("DATABASE_PASSWORD", ""))) {
                new CustomerModelsBenchmark(report, this::timeEach).run(db, admin);
            }
            appendResults();
            Files.writeString(out, report);
        }
        if (all || only.equals("hotpaths")) {
            try (Connection db = DriverManager.getConnection(url, env("DATABASE_USER", null), env("DATABASE_PASSWORD", ""))) {
                new HotPathsBenchmark(report).run(db);
            }
            Files.writeString(out, report);
        }
        if (all || only.equals("export")) {
            exportABigMonth(url, admin);
            Files.writeString(out, report);
        }
        System.out.println(report);
        assertTrue(report.length() > 200, report.toString());
    }

    private void timeAnalytics(String admin) throws InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate monthStart = today.minusMonths(1).withDayOfMonth(1);
        String month = "start_date=" + monthStart + "&end_date=" + monthStart.plusMonths(1).minusDays(1);
        String years = "start_date=" + today.minusMonths(24) + "&end_date=" + today;
        Map<String, Supplier<String>> requests = new LinkedHashMap<>();
        for (String[] range : new String[][] {{"1 month", month}, {"24 months", years}}) {
            for (String type : List.of("revenue_by_category", "revenue_by_country", "revenue_by_product",
                    "top_selling_products&country=US", "revenue_over_time&interval=day",
                    "revenue_over_time&interval=month&compare=previous_year")) {
                requests.put("sales " + type + " (" + range[0] + ")", () -> "api/analytics/sales/?type=" + type + "&" + range[1]);
            }
        }
        requests.put("sales churn_rate", () -> "api/analytics/sales/?type=churn_rate");
        requests.put("sales churn_rate cohort", () -> "api/analytics/sales/?type=churn_rate&definition=cohort");
        requests.put("customers report, first page", () -> "api/analytics/customers/?limit=50");
        Random random = new Random(7);
        Supplier<String> clv = () -> "api/customer/" + (1 + random.nextInt(CUSTOMERS)) + "/clv/";
        Supplier<String> tax = () -> "api/order/" + (1 + random.nextInt(ORDERS)) + "/tax/";
        // Every request several times round first, so that the JIT has compiled the server's paths (a fresh
        // server answered everything, even CLV, 1.5 times slower after 20 calls of each).
        for (int round = 0; round < MIXED_WARM_UP_ROUNDS; round++) {
            requests.values().forEach(path -> call(path.get(), admin));
            for (int i = 0; i < 10; i++) {
                call(clv.get(), admin);
                call(tax.get(), admin);
            }
        }
        RequestsDuringJobs jobs = new RequestsDuringJobs();
        jobs.awaitNoJobRunning();
        requests.forEach((name, path) -> timeEach(name, path, admin));
        timeEach("customer CLV", clv, admin, 100, 200);
        timeEach("order tax", tax, admin, 100, 200);
        requests.put("customer CLV", clv);
        requests.put("order tax", tax);
        Map<RequestsDuringJobs.Job, RequestsDuringJobs.During> during = new LinkedHashMap<>();
        for (RequestsDuringJobs.Job job : RequestsDuringJobs.JOBS) {
            during.put(job, jobs.during(job, requests, admin));
        }
        report.append("| request | p50 ms | p95 ms |");
        during.forEach((job, times) -> report.append(" during ").append(job.name()).append(" p50 / p95 ms |"));
        report.append("\n|---|---:|---:|").append("---:|".repeat(during.size())).append('\n');
        results.forEach((name, t) -> {
            report.append(String.format("| %s | %.1f | %.1f |", name, t[0], t[1]));
            during.values().forEach(times -> {
                double[] millis = times.millis().get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                report.append(String.format(" %.1f / %.1f |", millis[millis.length / 2],
                        millis[(int) Math.ceil(millis.length * 0.95) - 1]));
            });
            report.append('\n');
        });
        results.clear();
        report.append("\nRuns of each job asked for while the requests were timed: ");
        during.forEach((job, times) -> report.append(job.name()).append(' ').append(times.runs()).append("; "));
        report.append("\n\nBackground jobs as the server's log has them (the scheduled runs after the start, then the "
                + "ones asked for):\n\n").append(jobs.jobRuns()).append('\n');
    }

    private void appendResults() {
        report.append("| request | p50 ms | p95 ms |\n|---|---:|---:|\n");
        results.forEach((name, t) -> report.append(String.format("| %s | %.1f | %.1f |%n", name, t[0], t[1])));
        results.clear();
    }

    /** Rebuilds the recommendation model twice (the second replaces a model), times each type, then evaluates. */
    private void timeRecommendations(String admin) {
        for (int build = 1; build <= 2; build++) {
            long started = System.nanoTime();
            try (Response rebuild = Api.post("api/recommendations/rebuild/", admin, "")) {
                String body = rebuild.readEntity(String.class);
                assertEquals(200, rebuild.getStatus(), body);
                report.append(String.format("%nRecommendation model build %d: %.1f s over HTTP; %s%n", build,
                        (System.nanoTime() - started) / 1e9, body));
            }
        }
        report.append("\n");
        Random random = new Random(11);
        // Requests of every type first, so that the JIT has compiled the ranking before anything is timed.
        for (int i = 0; i < 400; i++) {
            call("api/recommendations/" + (1 + random.nextInt(CUSTOMERS)) + "/", admin);
        }
        for (String type : List.of("history", "similar_customers", "inventory", "")) {
            timeEach("recommendations " + (type.isEmpty() ? "blend" : type),
                    () -> "api/recommendations/" + (1 + random.nextInt(CUSTOMERS)) + "/?type=" + type, admin, 50, 200);
        }
        appendResults();
        long started = System.nanoTime();
        try (Response evaluation = Api.request("api/recommendations/evaluation/?customers=5000", admin).get()) {
            report.append(String.format("%nOffline evaluation (%.1f s): %s%n", (System.nanoTime() - started) / 1e9,
                    evaluation.readEntity(String.class)));
        }
    }

    private static final int EXPORT_LINES = 500_000;

    /**
     * Fills the month three months back up to 500,000 order lines (copies of earlier orders, moved into it),
     * rebuilds, exports the month before it once to warm up, then downloads the big month's workbook while
     * sampling the server's heap and liveness every 50 ms.
     */
    private void exportABigMonth(String url, String admin) throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(3);
        try (Connection db = DriverManager.getConnection(url, env("DATABASE_USER", null), env("DATABASE_PASSWORD", ""))) {
            long lines = linesIn(db, month);
            if (lines < EXPORT_LINES) {
                copyLinesInto(db, month, EXPORT_LINES - lines);
                try (Response rebuild = Api.post("api/analytics/rebuild/", admin, "")) {
                    assertEquals(200, rebuild.getStatus());
                }
            }
            lines = linesIn(db, month);
            try (Response warmUp = Api.request("api/export-sales/" + month.minusMonths(1).getMonthValue() + "/"
                    + month.minusMonths(1).getYear() + "/", admin).get()) {
                warmUp.readEntity(byte[].class);
            }
            HeapWatch watch = new HeapWatch();
            Thread watcher = new Thread(watch);
            watcher.start();
            long started = System.nanoTime();
            long bytes;
            try (Response response = Api.request("api/export-sales/" + month.getMonthValue() + "/" + month.getYear() + "/",
                    admin).get(); InputStream body = response.readEntity(InputStream.class)) {
                assertEquals(200, response.getStatus());
                bytes = body.transferTo(OutputStream.nullOutputStream());
            } finally {
                watch.stop();
                watcher.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            report.append(String.format("%nExport of %s (%,d order lines, %.1f MB): %.1f s; server heap peak %.0f MB of "
                    + "%.0f MB max (sampled every 50 ms); liveness checks during the export: %d answered, %d failed%n",
                    month, lines, bytes / 1e6, seconds, watch.peak / 1e6, watch.max / 1e6, watch.alive, watch.failed));
        }
    }

    /** Lines of the month's orders not canceled, in UTC days (the store month is a few hours off). */
    private static long linesIn(Connection db, YearMonth month) throws Exception {
        return count(db, "SELECT COUNT(*) FROM order_item i JOIN orders o ON o.id = i.order_id WHERE o.status <> 'canceled' "
                + "AND o.order_date >= '" + month.atDay(1) + "' AND o.order_date < '" + month.plusMonths(1).atDay(1) + "'");
    }

    /** The first lines of orders not canceled, with their orders, copied to new ids on days 2-26 of the month. */
    private static void copyLinesInto(Connection db, YearMonth month, long lines) throws Exception {
        long offset = count(db, "SELECT MAX(id) FROM orders");
        long lastItem = count(db, "SELECT MAX(id) FROM (SELECT i.id FROM order_item i JOIN orders o ON o.id = i.order_id "
                + "WHERE o.status <> 'canceled' ORDER BY i.id LIMIT " + lines + ") first_lines");
        String copied = "SELECT DISTINCT i.order_id FROM order_item i JOIN orders o ON o.id = i.order_id "
                + "WHERE o.status <> 'canceled' AND i.id <= " + lastItem;
        db.setAutoCommit(false);
        try (var statement = db.createStatement()) {
            statement.executeUpdate("INSERT INTO orders (id, customer_id, order_date, status, total_amount, created_at, "
                    + "updated_at, version, country) SELECT id + " + offset + ", customer_id, TIMESTAMPADD(SECOND, "
                    + "MOD(id * 7919, 25 * 86400), '" + month.atDay(2) + " 00:00:00'), status, total_amount, created_at, "
                    + "updated_at, 0, country FROM orders WHERE id IN (" + copied + ")");
            statement.executeUpdate("INSERT INTO order_item (order_id, product_id, quantity, price_at_time_of_order) "
                    + "SELECT i.order_id + " + offset + ", i.product_id, i.quantity, i.price_at_time_of_order FROM order_item i "
                    + "JOIN orders o ON o.id = i.order_id WHERE o.status <> 'canceled' AND i.id <= " + lastItem);
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** Polls the server's MicroProfile Metrics (used heap) and health (liveness) until stopped. */
    private static final class HeapWatch implements Runnable {
        private static final Pattern USED = Pattern.compile("memory_usedHeap_bytes\\{[^}]*}\\s+(\\S+)");
        private static final Pattern MAX = Pattern.compile("memory_maxHeap_bytes\\{[^}]*}\\s+(\\S+)");
        private volatile boolean running = true;
        double peak;
        double max;
        int alive;
        int failed;

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                try (Response metrics = Api.request("metrics", Api.admin()).accept(MediaType.TEXT_PLAIN).get();
                     Response health = Api.request("health/live").get()) {
                    String text = metrics.readEntity(String.class);
                    peak = Math.max(peak, value(USED, text));
                    max = Math.max(max, value(MAX, text));
                    if (health.getStatus() == 200) {
                        alive++;
                    } else {
                        failed++;
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    failed++;
                }
            }
        }

        private static double value(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
        }
    }

    private void load(Connection db) throws Exception {
        long started = System.nanoTime();
        DemoDataset data = DemoDataset.generate(42, Instant.now().truncatedTo(ChronoUnit.SECONDS), PRODUCTS_PER_CATEGORY,
                CUSTOMERS, ORDERS);
        db.setAutoCommit(false);
        DemoWriter.write(db, data);
        db.commit();
        // Statistics of tables just filled: without them the first queries join badly (the order history read
        // took 270 s instead of 16 s), until InnoDB computes them by itself some minutes later.
        try (java.sql.Statement analyze = db.createStatement()) {
            analyze.execute("ANALYZE TABLE orders, order_item, customer, product, refund, refund_item");
        }
        db.commit();
        report.append(String.format("Bulk load: %.1f s%n", (System.nanoTime() - started) / 1e9));
    }

    private void time(String name, String path, String token) {
        timeEach(name, () -> path, token);
    }

    private void timeEach(String name, Supplier<String> paths, String token) {
        timeEach(name, paths, token, WARM_UP, RUNS);
    }

    private void timeEach(String name, Supplier<String> paths, String token, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            call(paths.get(), token);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            String path = paths.get();
            long started = System.nanoTime();
            call(path, token);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        results.put(name, new double[] {millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1]});
    }

    static void call(String path, String token) {
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
