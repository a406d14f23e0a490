package com.ecommerce.analytics.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ecommerce.analytics.testing.Api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The analytics requests timed while each long background job runs. The server runs its jobs as `mvn liberty:run`
 * does (due soon after a start, then daily, on its one background thread); here each job is also asked for over HTTP,
 * which runs it the same way, as often as it takes for every request to be timed SAMPLES times while it runs. Only a
 * request that starts and ends inside a run counts. The server's log tells when each job ran, /metrics whether one
 * waits or runs.
 */
final class RequestsDuringJobs {

    record Job(String name, String rebuildPath) {
    }

    static final List<Job> JOBS = List.of(
            new Job("recommendation model build", "api/recommendations/rebuild/"),
            new Job("customer model fit", "api/analytics/customer-models/rebuild/"),
            new Job("demand forecast build", "api/analytics/inventory/forecast/rebuild/"));

    private static final int SAMPLES = 40;
    private static final Pattern LOGGED = Pattern.compile("^\\[([^\\]]+)\\].*? (Background job (finished|failed): .*)$");
    private static final Pattern UNFINISHED = Pattern.compile("(?m)^background_jobs\\{[^}]*}\\s+(\\S+)");

    private final Path serverLog = Path.of(System.getProperty("it.access.log")).resolveSibling("messages.log");

    /** Each request's times (ms) while the job ran, and how many runs of the job that took. */
    record During(Map<String, List<Double>> millis, int runs) {
    }

    During during(Job job, Map<String, Supplier<String>> requests, String admin) throws InterruptedException {
        awaitNoJobRunning();
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        requests.keySet().forEach(name -> millis.put(name, new ArrayList<>()));
        int runs = 0;
        Thread running = null;
        while (millis.values().stream().anyMatch(times -> times.size() < SAMPLES)) {
            if (running == null || !running.isAlive()) {
                running = start(job, admin);
                runs++;
                // the run has reached the background thread before the first request counts
                Thread.sleep(500);
            }
            for (var request : requests.entrySet()) {
                if (millis.get(request.getKey()).size() >= SAMPLES) {
                    continue;
                }
                String path = request.getValue().get();
                long started = System.nanoTime();
                boolean before = running.isAlive();
                AnalyticsBenchmark.call(path, admin);
                double took = (System.nanoTime() - started) / 1e6;
                if (before && running.isAlive()) {
                    millis.get(request.getKey()).add(took);
                }
            }
        }
        running.join();
        return new During(millis, runs);
    }

    private static Thread start(Job job, String admin) {
        Thread thread = new Thread(() -> {
            try (Response built = Api.post(job.rebuildPath(), admin, "{}")) {
                String body = built.readEntity(String.class);
                if (built.getStatus() != 200) {
                    throw new AssertionError(job.name() + " gave " + built.getStatus() + ": " + body);
                }
            }
        }, job.name());
        thread.start();
        return thread;
    }

    /** Until no job waits or runs on the server (the scheduled ones run soon after a start). */
    void awaitNoJobRunning() throws InterruptedException {
        long deadline = System.nanoTime() + 900_000_000_000L;
        while (unfinishedJobs() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("background jobs have run for 15 minutes:\n" + jobRuns());
            }
            Thread.sleep(1_000);
        }
    }

    private static double unfinishedJobs() {
        try (Response metrics = Api.request("metrics?scope=application", Api.admin()).accept(MediaType.TEXT_PLAIN).get()) {
            Matcher gauge = UNFINISHED.matcher(metrics.readEntity(String.class));
            if (!gauge.find()) {
                throw new AssertionError("/metrics has no background_jobs gauge");
            }
            return Double.parseDouble(gauge.group(1));
        }
    }

    /** The server's log lines of background job runs, with their times. */
    String jobRuns() {
        StringBuilder runs = new StringBuilder();
        for (String line : lines()) {
            Matcher logged = LOGGED.matcher(line);
            if (logged.find()) {
                runs.append("    ").append(logged.group(1)).append("  ").append(logged.group(2)).append('\n');
            }
        }
        return runs.toString();
    }

    private List<String> lines() {
        try {
            return Files.exists(serverLog) ? Files.readAllLines(serverLog, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
