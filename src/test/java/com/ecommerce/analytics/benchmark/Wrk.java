package com.ecommerce.analytics.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * wrk, the HTTP load generator (Debian's package, installed when missing), with keep-alive connections: each request's
 * path is the template with "{id}" replaced by a random id of the range, and its body, when there is one, the same.
 */
final class Wrk {

    /** What one run measured: requests a second, latency percentiles, and answers that were not 2xx or failed. */
    record Figure(double perSecond, double p50Millis, double p95Millis, long requests, long failed) {
    }

    private static final String SCRIPT = """
            local template, low, high, body, token
            local counter = 0
            function setup(thread)
              counter = counter + 1
              thread:set("seed", counter)
            end
            function init(args)
              template, low, high, token, body = args[1], tonumber(args[2]), tonumber(args[3]), args[4], args[5]
              math.randomseed(os.time() * 1000 + seed)
              wrk.headers["Authorization"] = "Bearer " .. token
              if body ~= nil and body ~= "" then
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
              end
            end
            function request()
              local id = tostring(math.random(low, high))
              local path = string.gsub(template, "{id}", id)
              if body ~= nil and body ~= "" then
                return wrk.format(nil, path, nil, (string.gsub(body, "{id}", id)))
              end
              return wrk.format(nil, path)
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(95),
                e.status + e.connect + e.read + e.write + e.timeout))
            end
            """;

    private final String baseUrl;
    private final Path script;

    Wrk(String baseUrl, Path workDirectory) throws IOException, InterruptedException {
        this.baseUrl = baseUrl;
        installIfMissing();
        Files.createDirectories(workDirectory);
        this.script = workDirectory.resolve("random-ids.lua");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    }

    Figure get(String pathTemplate, long lowId, long highId, String token, int connections, Duration length)
            throws IOException, InterruptedException {
        return run(pathTemplate, lowId, highId, token, "", connections, length);
    }

    Figure post(String pathTemplate, String bodyTemplate, long lowId, long highId, String token, int connections,
                Duration length) throws IOException, InterruptedException {
        return run(pathTemplate, lowId, highId, token, bodyTemplate, connections, length);
    }

    private Figure run(String pathTemplate, long lowId, long highId, String token, String body, int connections,
                       Duration length) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", String.valueOf(Math.min(connections, 2)),
                "-c", String.valueOf(connections), "-d", length.toSeconds() + "s", "--timeout", "10s",
                "-s", script.toString(), baseUrl, "--", "/" + pathTemplate, String.valueOf(lowId),
                String.valueOf(highId), token, body));
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(length.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        String result = output.lines().filter(line -> line.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from wrk: " + output));
        String[] values = result.split(" ");
        long requests = Long.parseLong(values[1]);
        double seconds = Long.parseLong(values[2]) / 1e6;
        return new Figure(requests / seconds, Long.parseLong(values[3]) / 1e3, Long.parseLong(values[4]) / 1e3,
                requests, Long.parseLong(values[5]));
    }

    private static void installIfMissing() throws IOException, InterruptedException {
        if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() == 0) {
            return;
        }
        Process install = new ProcessBuilder("apt-get", "install", "-y", "wrk").redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (install.waitFor() != 0) {
            throw new IllegalStateException("wrk is missing and apt-get install -y wrk failed: " + output);
        }
    }
}
