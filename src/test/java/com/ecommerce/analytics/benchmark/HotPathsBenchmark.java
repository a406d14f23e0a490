package com.ecommerce.analytics.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.ecommerce.analytics.testing.Api;

/**
 * The paths a shop's clients call most, under wrk with keep-alive connections (-Dbenchmark.only=hotpaths): the
 * server's floor (/health/live), a read by id of each kind of record, a page of 50 of each list in every documented
 * ordering, and orders placed by 10 clients across 500 products and on one product. After a warm-up, every figure runs
 * 10 s in each of three rounds, the figures alternating, and the medians are reported.
 */
final class HotPathsBenchmark {

    private static final Duration FIGURE = Duration.ofSeconds(10);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.hotpaths.warmup.seconds", 120));
    private static final int ROUNDS = 3;
    private static final int PAGES = 20;
    private static final int ORDERED_PRODUCTS = 500;
    private static final String WARMED_UP = "product by id, 8 connections";

    private record Load(String path, String body, long low, long high, int connections) {
    }

    private final StringBuilder report;

    HotPathsBenchmark(StringBuilder report) {
        this.report = report;
    }

    void run(Connection db) throws Exception {
        Wrk wrk = new Wrk(Api.BASE_URL, Path.of("target/hotpaths"));
        long[] products = range(db, "product");
        long[] orders = range(db, "orders");
        long[] customers = range(db, "customer");
        long firstOrdered = products[0];
        try (Statement stock = db.createStatement()) {
            stock.executeUpdate("UPDATE inventory SET quantity = quantity + 1000000 WHERE product_id BETWEEN "
                    + firstOrdered + " AND " + (firstOrdered + ORDERED_PRODUCTS - 1));
            stock.executeUpdate("UPDATE product SET is_active = TRUE WHERE id BETWEEN " + firstOrdered + " AND "
                    + (firstOrdered + ORDERED_PRODUCTS - 1));
        }
        Map<String, Load> loads = new LinkedHashMap<>();
        loads.put("floor: /health/live, 1 connection", new Load("health/live", "", 1, 1, 1));
        loads.put("product by id, 1 connection", new Load("api/products/{id}/", "", products[0], products[1], 1));
        loads.put("product by id, 8 connections", new Load("api/products/{id}/", "", products[0], products[1], 8));
        addRange(loads, db, "category by id", "api/categories/{id}/", "category");
        loads.put("customer by id, 1 connection", new Load("api/customers/{id}/", "", customers[0], customers[1], 1));
        loads.put("order by id, 1 connection", new Load("api/orders/{id}/", "", orders[0], orders[1], 1));
        addRange(loads, db, "inventory line by id", "api/inventory/{id}/", "inventory");
        loads.put("customer CLV, 1 connection", new Load("api/customer/{id}/clv/", "", customers[0], customers[1], 1));
        lists(loads, "products", List.of("name", "SKU", "price", "category", "created_at", "updated_at", "-id"));
        lists(loads, "customers", List.of("name", "email", "country", "registration_date", "-id"));
        lists(loads, "orders", List.of("order_date", "-order_date", "total_amount", "status", "customer", "-id"));
        String order = "{\"customer\":{id},\"items\":[{\"product\":{id},\"quantity\":1}]}";
        loads.put("orders, 10 clients across 500 products", new Load("api/orders/", order, firstOrdered,
                firstOrdered + ORDERED_PRODUCTS - 1, 10));
        loads.put("orders, 10 clients on one product", new Load("api/orders/",
                "{\"customer\":{id},\"items\":[{\"product\":" + firstOrdered + ",\"quantity\":1}]}", customers[0],
                customers[0] + ORDERED_PRODUCTS - 1, 10));

        String token = Api.adminToken();
        Load warmUp = loads.get(WARMED_UP);
        List<Double> warmUpRates = new ArrayList<>();
        for (long window = 0; window < WARM_UP.dividedBy(FIGURE); window++) {
            warmUpRates.add(wrk.get(warmUp.path(), warmUp.low(), warmUp.high(), token, warmUp.connections(), FIGURE)
                    .perSecond());
        }
        Map<String, List<Wrk.Figure>> figures = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            token = Api.adminToken();
            for (Map.Entry<String, Load> entry : loads.entrySet()) {
                Load load = entry.getValue();
                Wrk.Figure figure = load.body().isEmpty()
                        ? wrk.get(load.path(), load.low(), load.high(), token, load.connections(), FIGURE)
                        : wrk.post(load.path(), load.body(), load.low(), load.high(), token, load.connections(), FIGURE);
                figures.computeIfAbsent(entry.getKey(), name -> new ArrayList<>()).add(figure);
            }
        }
        report(figures);
        reportWarmUp(warmUpRates, median(figures.get(WARMED_UP), Wrk.Figure::perSecond));
    }

    /** The warm-up figure: what the first minute of traffic after a start gets, against the settled rate. */
    private void reportWarmUp(List<Double> rates, double settled) {
        List<Double> firstMinute = rates.subList(0, (int) Math.min(rates.size(), Duration.ofMinutes(1).dividedBy(FIGURE)));
        double rate = firstMinute.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        report.append(String.format("%nWarm-up, %s, each %d s from the first request on: %s requests/s; the first minute "
                        + "%,.0f a second, %.0f%% of the settled %,.0f%n", WARMED_UP, FIGURE.toSeconds(),
                rates.stream().map(r -> String.format("%,.0f", r)).toList(), rate, 100 * rate / settled, settled));
    }

    private void report(Map<String, List<Wrk.Figure>> figures) {
        report.append(String.format("%nHot paths (wrk, %d s per figure, %d rounds after %d s of warm-up, medians):%n%n",
                FIGURE.toSeconds(), ROUNDS, WARM_UP.toSeconds()));
        report.append("| figure | requests/s | p50 ms | p95 ms | p50 / floor's | not 2xx or failed |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        double floor = median(figures.values().iterator().next(), Wrk.Figure::p50Millis);
        figures.forEach((name, runs) -> {
            double p50 = median(runs, Wrk.Figure::p50Millis);
            report.append(String.format("| %s | %,.0f | %.2f | %.2f | %.1fx | %d |%n", name,
                    median(runs, Wrk.Figure::perSecond), p50, median(runs, Wrk.Figure::p95Millis), p50 / floor,
                    runs.stream().mapToLong(Wrk.Figure::failed).sum()));
        });
    }

    private static void lists(Map<String, Load> loads, String list, List<String> orderings) {
        loads.put(list + ", page of 50, default ordering, 1 connection",
                new Load("api/" + list + "/?page_size=50&page={id}", "", 1, PAGES, 1));
        loads.put(list + ", page of 50, default ordering, 8 connections",
                new Load("api/" + list + "/?page_size=50&page={id}", "", 1, PAGES, 8));
        for (String ordering : orderings) {
            loads.put(list + ", page of 50, ordering=" + ordering + ", 1 connection",
                    new Load("api/" + list + "/?page_size=50&ordering=" + ordering + "&page={id}", "", 1, PAGES, 1));
        }
    }

    private static void addRange(Map<String, Load> loads, Connection db, String name, String path, String table)
            throws SQLException {
        long[] ids = range(db, table);
        loads.put(name + ", 1 connection", new Load(path, "", ids[0], ids[1], 1));
    }

    private static long[] range(Connection db, String table) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet row = query.executeQuery(
                "SELECT MIN(id), MAX(id) FROM " + table)) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    private static double median(List<Wrk.Figure> runs, ToDoubleFunction<Wrk.Figure> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
