package com.ecommerce.analytics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server built by `mvn package`, started as README's Deploy section says an operator starts it, configured only by
 * environment variables, with its data and log directories named by the operator, and stopped with SIGTERM as a
 * service manager stops it: the self-contained server ({@code java -jar ecommerce-analytics.jar}, unpacking itself
 * under a directory the operator names), or a server in an Open Liberty of the operator's own
 * ({@code bin/server run}).
 */
public final class PackagedServer implements AutoCloseable {

    public static final Path JAR = Path.of(System.getProperty("it.packaged.server.jar", "target/ecommerce-analytics.jar"));

    /** Four minutes; a benchmark that starts servers on a loaded machine may give them longer. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("it.packaged.start.minutes", 4));
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final int port;
    private final Path home;
    private final List<String> command;
    private final Map<String, String> settings;
    private final Process process;
    /** Where this run's lines begin in console.log, which keeps the lines of earlier runs in the same home. */
    private final long consoleStart;

    private PackagedServer(int port, Path home, List<String> command, Map<String, String> settings, Process process,
                           long consoleStart) {
        this.port = port;
        this.home = home;
        this.command = List.copyOf(command);
        this.settings = Map.copyOf(settings);
        this.process = process;
        this.consoleStart = consoleStart;
    }

    /**
     * Starts the self-contained server on the port with the given environment (beside HTTP_PORT, PLATFORM_DATA_DIR,
     * LOG_DIR and WLP_JAR_EXTRACT_ROOT, which it sets under home) and waits until it answers ready.
     */
    public static PackagedServer start(int port, Path home, Map<String, String> environment) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("no packaged server at " + JAR.toAbsolutePath() + ": run mvn package");
        }
        Map<String, String> settings = operatorSettings(port, home, environment);
        settings.put("WLP_JAR_EXTRACT_ROOT", home.resolve("server").toAbsolutePath().toString());
        return launch(port, home, List.of(java().toString(), "-jar", JAR.toAbsolutePath().toString()), settings);
    }

    /**
     * Starts the server of that name in the Open Liberty at wlp, its configuration in userDir/servers/name
     * (WLP_USER_DIR), with the given environment (beside HTTP_PORT, PLATFORM_DATA_DIR and LOG_DIR, set under home),
     * and waits until it answers ready.
     */
    public static PackagedServer startInLiberty(Path wlp, Path userDir, String name, int port, Path home,
                                                Map<String, String> environment) throws IOException {
        Map<String, String> settings = operatorSettings(port, home, environment);
        settings.put("WLP_USER_DIR", userDir.toAbsolutePath().toString());
        settings.put("JAVA_HOME", System.getProperty("java.home"));
        return launch(port, home, List.of(wlp.resolve("bin").resolve("server").toAbsolutePath().toString(), "run",
                name), settings);
    }

    private static Map<String, String> operatorSettings(int port, Path home, Map<String, String> environment)
            throws IOException {
        Files.createDirectories(home);
        Map<String, String> settings = new LinkedHashMap<>(environment);
        settings.put("HTTP_PORT", String.valueOf(port));
        settings.put("PLATFORM_DATA_DIR", home.resolve("data").toAbsolutePath().toString());
        settings.put("LOG_DIR", home.resolve("logs").toAbsolutePath().toString());
        return settings;
    }

    private static PackagedServer launch(int port, Path home, List<String> command, Map<String, String> settings)
            throws IOException {
        Path console = home.resolve("console.log");
        long consoleStart = Files.exists(console) ? Files.size(console) : 0;
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        builder.environment().putAll(settings);
        PackagedServer server = new PackagedServer(port, home, command, settings, builder.start(), consoleStart);
        server.awaitReady();
        return server;
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The settings an operator gives a second instance beside the server `mvn verify` started: its key pair, its admin
     * and its store settings, without demo data.
     */
    public static Map<String, String> settingsOfTheTestServer() {
        Path keys = Path.of(System.getProperty("it.jwt.private.key")).getParent();
        return Map.ofEntries(
                Map.entry("JWT_PRIVATE_KEY_PATH", keys.resolve("private-key.pem").toString()),
                Map.entry("JWT_PUBLIC_KEY_PATH", keys.resolve("public-key.pem").toString()),
                Map.entry("ADMIN_USERNAME", Api.ADMIN_USERNAME),
                Map.entry("ADMIN_PASSWORD", Api.ADMIN_PASSWORD),
                Map.entry("DEMO_DATA", "false"),
                Map.entry("STORE_TIMEZONE", System.getProperty("it.store.timezone", "UTC")),
                Map.entry("RFM_FRESH_SECONDS", System.getProperty("it.fresh.seconds", "1")),
                Map.entry("COHORT_FRESH_SECONDS", System.getProperty("it.fresh.seconds", "1")),
                Map.entry("ALERT_WEBHOOK_URL", System.getProperty("it.alert.webhook.url", "")),
                Map.entry("ALERT_WEBHOOK_SECRET", "it-webhook-secret"));
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** What this run of the server wrote to its console, for a failed test's message. */
    public String console() {
        try {
            byte[] all = Files.readAllBytes(home.resolve("console.log"));
            return new String(all, (int) consoleStart, all.length - (int) consoleStart, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console: " + e + ")";
        }
    }

    /** The error lines of this run's console (Liberty writes them as "[ERROR   ] CODE: message"). */
    public List<String> errors() {
        return console().lines().filter(line -> line.startsWith("[ERROR")).toList();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long giveUp = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n"
                        + console());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        close();
        throw new IllegalStateException("the server was not ready within " + START_TIMEOUT + ":\n" + console());
    }

    /** Stops the server with SIGTERM and checks that it stopped cleanly and logged no error from start to stop. */
    public void closeAndCheckClean() {
        close();
        assertTrue(console().contains("CWWKE0036I"), "stopped cleanly on SIGTERM:\n" + console());
        assertEquals(List.of(), errors(), "no error logged from start to stop");
    }

    /** SIGTERM, then waits for the server to stop; SIGKILL (see kill) only if it does not within a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * SIGKILL, as a crash or the kernel's OOM killer ends it: the launcher and the Liberty JVM it started, which
     * would otherwise live on without its parent. Waits until both are gone.
     */
    public void kill() {
        var server = process.descendants().toList();
        server.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        server.forEach(child -> child.onExit().join());
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again, once this one has stopped, on the same port, home and environment. */
    public PackagedServer restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("the server on port " + port + " still runs");
        }
        return launch(port, home, command, settings);
    }

    public int exitValue() {
        return process.exitValue();
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
