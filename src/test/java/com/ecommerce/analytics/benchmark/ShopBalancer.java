package com.ecommerce.analytics.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HAProxy in HTTP mode in front of the instances, as a deployment balances them: round robin, an instance in
 * rotation only while GET /health/ready answers 200 (checked every second, out after two failures, back after
 * two successes). A connection that an instance refuses goes to another (redispatch, retry-on conn-failure);
 * a request that reached an instance is never sent twice, since a POST may have placed an order. Its own 503,
 * when no instance is up, carries Retry-After and the service's error shape, as the service's do.
 */
final class ShopBalancer implements AutoCloseable {

    private static final String NO_INSTANCE = "{\"status\":503,\"error\":\"Service Unavailable\",\"message\":"
            + "\"No instance is available (load balancer).\",\"detail\":\"No instance is available (load balancer).\"}";

    private final Path pidFile;
    private final URI stats;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ShopBalancer(Path pidFile, URI stats) {
        this.pidFile = pidFile;
        this.stats = stats;
    }

    static ShopBalancer start(Path directory, int port, int statsPort, List<Integer> instancePorts)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path errorFile = directory.resolve("503.http");
        Files.writeString(errorFile, "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                + "Retry-After: 1\r\nCache-Control: no-store\r\nContent-Length: " + NO_INSTANCE.length()
                + "\r\nConnection: close\r\n\r\n" + NO_INSTANCE);
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 1000

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                    timeout http-request 10s
                    timeout http-keep-alive 10s
                    timeout queue 5s
                    timeout check 5s
                    retries 3
                    option redispatch
                    retry-on conn-failure

                listen shop
                """);
        config.append("    bind 127.0.0.1:").append(port).append('\n').append("""
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                """);
        config.append("    errorfile 503 ").append(errorFile.toAbsolutePath()).append('\n');
        for (int i = 0; i < instancePorts.size(); i++) {
            config.append("    server instance").append(i + 1).append(" 127.0.0.1:").append(instancePorts.get(i))
                    .append(" check\n");
        }
        config.append("\nlisten stats\n    bind 127.0.0.1:").append(statsPort)
                .append("\n    stats enable\n    stats uri /stats\n");
        Path file = directory.resolve("haproxy.cfg");
        Files.writeString(file, config);
        Path pidFile = directory.resolve("haproxy.pid");
        Files.deleteIfExists(pidFile);
        Process haproxy = new ProcessBuilder("haproxy", "-D", "-f", file.toAbsolutePath().toString(), "-p",
                pidFile.toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("haproxy.out").toFile()).start();
        if (haproxy.waitFor() != 0) {
            throw new IllegalStateException("haproxy failed: " + Files.readString(directory.resolve("haproxy.out")));
        }
        return new ShopBalancer(pidFile, URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"));
    }

    /** HAProxy's view of each instance: instance1 -> "UP", "DOWN", "UP 1/2"... */
    Map<String, String> instanceStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (Map<String, String> row : rows()) {
            if (row.get("pxname").equals("shop") && row.get("svname").startsWith("instance")) {
                states.put(row.get("svname"), row.get("status"));
            }
        }
        return states;
    }

    /** Per instance, the requests it was sent and the 5xx it answered, from HAProxy's counters. */
    String served() {
        StringBuilder line = new StringBuilder();
        for (Map<String, String> row : rows()) {
            if (row.get("pxname").equals("shop") && !row.get("svname").equals("FRONTEND")) {
                line.append(line.isEmpty() ? "" : "; ").append(row.get("svname")).append(": ")
                        .append(row.get("stot")).append(" requests, ").append(row.get("hrsp_5xx")).append(" 5xx");
            }
        }
        return line.toString();
    }

    /** Waits until HAProxy sends requests to the instance again (it checks every second; two passes bring it in). */
    void awaitUp(String instance, Duration limit) throws InterruptedException {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (!"UP".equals(instanceStates().get(instance))) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("HAProxy did not put " + instance + " back within " + limit + ": "
                        + instanceStates());
            }
            Thread.sleep(200);
        }
    }

    private List<Map<String, String>> rows() {
        try {
            String csv = http.send(HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> lines = csv.lines().toList();
            String[] names = lines.get(0).replaceFirst("^# ", "").split(",", -1);
            return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
                String[] values = l.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < names.length && i < values.length; i++) {
                    row.put(names[i], values[i]);
                }
                return row;
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException("HAProxy's statistics did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to the HAProxy this started (its pid file names it). */
    @Override
    public void close() {
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("haproxy")).ifPresent(p -> {
                p.destroy();
                p.onExit().join();
            });
        } catch (IOException | RuntimeException e) {
            System.out.println("stopping HAProxy failed: " + e);
        }
    }
}
