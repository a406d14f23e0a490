package com.ecommerce.analytics.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients placing orders through the load balancer without pause, as a shop's checkout does under load: each
 * order with a fresh Idempotency-Key; an answer of 503, a timeout (10 s) or a lost connection (an I/O error, or
 * the balancer's 502/504, its words for one) is sent once more with the same key and body, after Retry-After
 * (1 s when there is none). Every order is kept with its attempts and the phase in which its answer came.
 */
final class OrderTraffic {

    static final int TIMED_OUT = -1;
    static final int IO_ERROR = -2;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern ORDER_ID = Pattern.compile("^\\{\"id\":(\\d+)");

    /** One HTTP exchange: its start (ms since the run began), status or TIMED_OUT/IO_ERROR, and what came back. */
    record Attempt(long atMillis, int status, boolean retryAfter, boolean replayed, long millis, String detail) {

        boolean worthRetrying() {
            return status == 503 || status == 502 || status == 504 || status == TIMED_OUT || status == IO_ERROR;
        }
    }

    /** One order as a client tried to place it: order is the id the final 201 named, 0 without one. */
    record Placement(String phase, String key, List<Attempt> attempts, long order) {

        Attempt last() {
            return attempts.get(attempts.size() - 1);
        }

        boolean retried() {
            return attempts.size() > 1;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI orders;
    private final Supplier<String> token;
    private final Function<ThreadLocalRandom, String> basket;
    private final long startNanos;
    private volatile String phase;
    private volatile boolean running;
    private ExecutorService pool;
    private final List<Future<List<Placement>>> clients = new ArrayList<>();

    /**
     * @param basket makes an order's body
     * @param startNanos System.nanoTime() at the start of the run, from which attempts are timed
     */
    OrderTraffic(URI balancer, Supplier<String> token, Function<ThreadLocalRandom, String> basket, long startNanos) {
        this.orders = balancer.resolve("api/orders/");
        this.token = token;
        this.basket = basket;
        this.startNanos = startNanos;
    }

    void start(int count, String firstPhase) {
        phase = firstPhase;
        running = true;
        pool = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            clients.add(pool.submit(this::placeWhileRunning));
        }
    }

    /** Orders begun from now on count to this phase. */
    void phase(String name) {
        phase = name;
    }

    /** Stops the clients after their current order and returns every order placed. */
    List<Placement> stop() throws Exception {
        running = false;
        List<Placement> all = new ArrayList<>();
        for (Future<List<Placement>> client : clients) {
            all.addAll(client.get());
        }
        pool.shutdown();
        return all;
    }

    private List<Placement> placeWhileRunning() throws InterruptedException {
        List<Placement> placed = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            String key = UUID.randomUUID().toString();
            String body = basket.apply(random);
            List<Attempt> attempts = new ArrayList<>(2);
            Attempt first = send(key, body);
            attempts.add(first);
            if (first.worthRetrying()) {
                Thread.sleep(first.retryAfter() ? retryAfterMillis(first) : 1_000);
                attempts.add(send(key, body));
            }
            Attempt last = attempts.get(attempts.size() - 1);
            // An order counts to the phase in which its answer came: one begun just before a fault and failed by it
            // is the fault's.
            placed.add(new Placement(phase, key, List.copyOf(attempts), last.status() == 201 ? orderId(last) : 0));
        }
        return placed;
    }

    private Attempt send(String key, String body) throws InterruptedException {
        long started = System.nanoTime();
        long at = (started - startNanos) / 1_000_000;
        HttpRequest request = HttpRequest.newBuilder(orders).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
            boolean replayed = answer.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
            String detail = answer.statusCode() == 201 ? answer.body().substring(0, Math.min(40, answer.body().length()))
                    : (retryAfter == null ? "" : "Retry-After: " + retryAfter + " ") + shorten(answer.body());
            return new Attempt(at, answer.statusCode(), retryAfter != null, replayed, millis, detail);
        } catch (HttpTimeoutException e) {
            return new Attempt(at, TIMED_OUT, false, false, (System.nanoTime() - started) / 1_000_000, e.toString());
        } catch (IOException e) {
            return new Attempt(at, IO_ERROR, false, false, (System.nanoTime() - started) / 1_000_000, e.toString());
        }
    }

    private static long retryAfterMillis(Attempt attempt) {
        Matcher seconds = Pattern.compile("Retry-After: (\\d+)").matcher(attempt.detail());
        return seconds.find() ? Math.min(5, Long.parseLong(seconds.group(1))) * 1_000 : 1_000;
    }

    private static long orderId(Attempt created) {
        Matcher id = ORDER_ID.matcher(created.detail());
        if (!id.find()) {
            throw new IllegalStateException("a 201 without an order id: " + created.detail());
        }
        return Long.parseLong(id.group(1));
    }

    private static String shorten(String body) {
        String line = body.replace('\n', ' ').replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
