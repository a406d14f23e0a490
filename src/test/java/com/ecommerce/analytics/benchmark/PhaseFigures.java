package com.ecommerce.analytics.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.ecommerce.analytics.benchmark.OrderTraffic.Attempt;
import com.ecommerce.analytics.benchmark.OrderTraffic.Placement;

/**
 * What the clients saw in one phase of the fault run. An order failed when its last attempt, after the one retry,
 * was neither 201 nor 409 (out of stock is an answer, not a failure); attempts count every exchange, retries
 * included, and their latencies are each exchange's own.
 */
record PhaseFigures(String phase, double seconds, List<Placement> placements) {

    static final long SLOW_MILLIS = 5_000;

    static String header() {
        return "| phase | s | orders | 201 | failed after retry | share | retried | 503 with / without Retry-After "
                + "| 500 | other statuses | timeouts | I/O errors | p50 ms | p95 ms | max ms | > 5 s |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|\n";
    }

    List<Attempt> attempts() {
        return placements.stream().flatMap(p -> p.attempts().stream()).toList();
    }

    long failed() {
        return placements.stream().filter(p -> p.last().status() != 201 && p.last().status() != 409).count();
    }

    long count(Predicate<Attempt> which) {
        return attempts().stream().filter(which).count();
    }

    double failedShare() {
        return placements.isEmpty() ? 0 : 100.0 * failed() / placements.size();
    }

    long slowest() {
        return attempts().stream().mapToLong(Attempt::millis).max().orElse(0);
    }

    String row() {
        List<Long> millis = new ArrayList<>(attempts().stream().map(Attempt::millis).toList());
        Collections.sort(millis);
        Map<Integer, Long> others = attempts().stream()
                .filter(a -> a.status() > 0 && a.status() != 201 && a.status() != 503 && a.status() != 500)
                .collect(Collectors.groupingBy(Attempt::status, TreeMap::new, Collectors.counting()));
        String other = others.isEmpty() ? "-" : others.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
        return String.format("| %s | %.0f | %,d | %,d | %,d | %.2f %% | %,d | %d / %d | %d | %s | %d | %d | %d | %d | %d | %d |%n",
                phase, seconds, placements.size(), placements.stream().filter(p -> p.last().status() == 201).count(),
                failed(), failedShare(), placements.stream().filter(Placement::retried).count(),
                count(a -> a.status() == 503 && a.retryAfter()), count(a -> a.status() == 503 && !a.retryAfter()),
                count(a -> a.status() == 500), other, count(a -> a.status() == OrderTraffic.TIMED_OUT),
                count(a -> a.status() == OrderTraffic.IO_ERROR), percentile(millis, 50), percentile(millis, 95),
                millis.isEmpty() ? 0 : millis.get(millis.size() - 1), count(a -> a.millis() > SLOW_MILLIS));
    }

    /** Seconds since the phase began in which an attempt was not a 201, with what came back. */
    String troubleBySecond(long phaseStartMillis) {
        Map<Long, Map<String, Long>> seconds = new TreeMap<>();
        for (Attempt a : attempts()) {
            if (a.status() != 201 && a.status() != 409) {
                seconds.computeIfAbsent((a.atMillis() - phaseStartMillis) / 1_000, s -> new TreeMap<>())
                        .merge(label(a), 1L, Long::sum);
            }
        }
        return seconds.entrySet().stream().limit(40)
                .map(e -> String.format("%+d s: ", e.getKey()) + e.getValue().entrySet().stream()
                        .map(c -> c.getKey() + " x" + c.getValue()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** The distinct answers that were not 201 or 409 (incident ids are blanked), with how often each came. */
    String answers() {
        Map<String, Long> answers = attempts().stream().filter(a -> a.status() != 201 && a.status() != 409)
                .collect(Collectors.groupingBy(a -> label(a) + " " + a.detail(), TreeMap::new, Collectors.counting()));
        return answers.entrySet().stream().map(e -> "  - " + e.getValue() + " x " + e.getKey())
                .collect(Collectors.joining("\n"));
    }

    /** The answers section of the report: empty when every answer was 201 or 409. */
    String answersSection() {
        String answers = answers();
        return answers.isEmpty() ? "" : "\nAnswers other than 201 and 409 (" + phase + "):\n\n" + answers + "\n";
    }

    private static String label(Attempt a) {
        return switch (a.status()) {
            case OrderTraffic.TIMED_OUT -> "timeout";
            case OrderTraffic.IO_ERROR -> "I/O error";
            default -> String.valueOf(a.status());
        };
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
    }
}
