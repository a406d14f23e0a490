package com.ecommerce.analytics.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonObject;

/**
 * Issue #14's proof at scale: ten clients place orders alone, then while a 500,000-line import runs, then while
 * a rebuild of the aggregates runs, with /health/live asked every 50 ms; and the same 50,000 lines imported
 * dated last month and dated five years before the store's first order. Reports latencies and failures.
 */
final class SellingDuringWork {

    private static final int CLIENTS = 10;
    private static final int PRODUCTS = 500;
    private static final Duration ALONE = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final StringBuilder report;
    /** Taken afresh before each part: the whole run lasts longer than an access token. */
    private volatile String admin;
    private final List<Long> products = new ArrayList<>();
    private final List<Long> customers = new ArrayList<>();

    SellingDuringWork(StringBuilder report) {
        this.report = report;
    }

    void run(Connection db) throws Exception {
        prepare(db);
        // Invoice and customer numbers of their own, so that a second run on the same store imports new sales.
        long run = System.currentTimeMillis() / 60_000 % 100_000;
        // A fresh server has not compiled the order path yet: the first row would measure the JIT, not the store.
        int heading = report.length();
        row("warm-up (not counted)", () -> {
            Thread.sleep(WARM_UP.toMillis());
            return "20 s";
        });
        report.setLength(heading);
        report.append("\n| orders placed by 10 clients | orders | p50 ms | p95 ms | max ms | 5xx | other non-201 | "
                + "worst /health/live ms | work |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        row("alone", () -> {
            Thread.sleep(ALONE.toMillis());
            return "30 s";
        });
        Path big = Path.of("target", "contention-import.csv");
        new OnlineRetailFile(500_000, 4_400, 4_000, run * 10_000_000, run * 10_000_000)
                .write(big, LocalDateTime.now(ZoneOffset.UTC).minusMonths(2).withHour(8).withMinute(0), 28);
        row("during a 500,000-line import", () -> importFile(big));
        row("during POST /api/analytics/rebuild/", this::rebuild);

        LocalDateTime first = firstOrder(db);
        Path recent = Path.of("target", "contention-recent.csv");
        Path old = Path.of("target", "contention-old.csv");
        new OnlineRetailFile(50_000, 1_000, 2_000, run * 10_000_000 + 5_000_000, run * 10_000_000 + 5_000_000)
                .write(recent, LocalDateTime.now(ZoneOffset.UTC).minusMonths(1).withDayOfMonth(1).withHour(8), 28);
        new OnlineRetailFile(50_000, 1_000, 2_000, run * 10_000_000 + 7_000_000, run * 10_000_000 + 7_000_000)
                .write(old, first.minusYears(5).withHour(8), 28);
        admin = Api.adminToken();
        report.append("\n| 50,000 lines imported | time over HTTP |\n|---|---:|\n");
        report.append("| dated last month | ").append(importFile(recent)).append(" |\n");
        report.append("| dated five years before the first order (").append(first.minusYears(5).toLocalDate())
                .append(") | ").append(importFile(old)).append(" |\n");
        report.append("\nAfterwards: ").append(rebuild()).append('\n');
    }

    private interface Work {
        String run() throws Exception;
    }

    private record Placed(List<Double> millis, int serverErrors, int other) {
    }

    private void row(String name, Work work) throws Exception {
        admin = Api.adminToken();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong worstLiveness = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<Placed>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> placeWhile(running)));
        }
        Future<?> liveness = pool.submit(() -> {
            while (running.get()) {
                long started = System.nanoTime();
                try {
                    http.send(HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/health/live"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    worstLiveness.set(Long.MAX_VALUE);
                }
                worstLiveness.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                Thread.sleep(50);
            }
            return null;
        });
        String done;
        try {
            done = work.run();
        } finally {
            running.set(false);
        }
        List<Double> millis = new ArrayList<>();
        int serverErrors = 0;
        int other = 0;
        for (Future<Placed> client : clients) {
            Placed placed = client.get();
            millis.addAll(placed.millis());
            serverErrors += placed.serverErrors();
            other += placed.other();
        }
        liveness.get();
        pool.shutdown();
        Collections.sort(millis);
        report.append(String.format("| %s | %,d | %.0f | %.0f | %.0f | %d | %d | %d | %s |%n", name, millis.size(),
                percentile(millis, 0.5), percentile(millis, 0.95), millis.isEmpty() ? 0 : millis.get(millis.size() - 1),
                serverErrors, other, worstLiveness.get(), done));
        System.out.println(report);
    }

    private Placed placeWhile(AtomicBoolean running) throws Exception {
        List<Double> millis = new ArrayList<>();
        int serverErrors = 0;
        int other = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            String body = "{\"customer\":" + customers.get(random.nextInt(customers.size())) + ",\"items\":[{\"product\":"
                    + products.get(random.nextInt(products.size())) + ",\"quantity\":1}]}";
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/orders/"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - started) / 1e6);
            if (answer.statusCode() >= 500) {
                serverErrors++;
                System.out.println("Order answered " + answer.statusCode() + ": " + answer.body());
            } else if (answer.statusCode() != 201) {
                other++;
            }
        }
        return new Placed(millis, serverErrors, other);
    }

    private String importFile(Path file) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/import/orders/"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        int orders = ((JsonObject) Api.parse(answer.body())).getInt("orders_created");
        return String.format("%.1f s (%,d orders)", (System.nanoTime() - started) / 1e9, orders);
    }

    private String rebuild() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/analytics/rebuild/"))
                .header("Authorization", "Bearer " + admin).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return String.format("rebuild %.1f s, %s", (System.nanoTime() - started) / 1e9, answer.body());
    }

    /** Products with stock to spare for the whole run, and customers who order them. */
    private void prepare(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT product_id FROM inventory ORDER BY product_id LIMIT " + PRODUCTS)) {
                while (rows.next()) {
                    products.add(rows.getLong(1));
                }
            }
            statement.executeUpdate("UPDATE inventory SET quantity = 1000000 WHERE product_id <= " + products.get(products.size() - 1));
            statement.executeUpdate("UPDATE product SET is_active = TRUE WHERE id <= " + products.get(products.size() - 1));
            try (ResultSet rows = statement.executeQuery("SELECT id FROM customer ORDER BY id LIMIT 5000")) {
                while (rows.next()) {
                    customers.add(rows.getLong(1));
                }
            }
        }
    }

    private static LocalDateTime firstOrder(Connection db) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery("SELECT MIN(order_date) FROM orders")) {
            row.next();
            return row.getObject(1, LocalDateTime.class);
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
