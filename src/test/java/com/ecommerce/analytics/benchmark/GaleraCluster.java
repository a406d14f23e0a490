package com.ecommerce.analytics.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three-node MariaDB Galera cluster of src/test/cluster/galera.sh (HAProxy on 127.0.0.1:3310 sends every
 * write to node 1; nodes 2 and 3 are backups), driven by its commands. Its output goes to a log of its own.
 */
final class GaleraCluster implements AutoCloseable {

    static final int PROXY_PORT = 3310;

    private static final Path SCRIPT = Path.of("src/test/cluster/galera.sh");
    private static final Pattern REJOINED = Pattern.compile("rejoined by (.+?): Synced after ([0-9.]+ s).*after ([0-9.]+ s)");

    private final Map<String, String> environment;
    private final Path log;

    GaleraCluster(Map<String, String> environment, Path log) {
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** How a node came back: its state transfer and its times, as galera.sh start reports them. */
    record Rejoin(String transfer, String syncedAfter, String upInProxyAfter, String output) {
    }

    String up() {
        return run(List.of("up"), 15);
    }

    String kill(int node) {
        return run(List.of("kill", String.valueOf(node)), 6);
    }

    Rejoin start(int node) {
        String output = run(List.of("start", String.valueOf(node)), 11);
        Matcher rejoined = REJOINED.matcher(output);
        return rejoined.find() ? new Rejoin(rejoined.group(1), rejoined.group(2), rejoined.group(3), output)
                : new Rejoin("unknown", "?", "?", output);
    }

    /** One statement on node N as root, through its socket: tab-separated rows. */
    String sql(int node, String statement) {
        return run(List.of("sql", String.valueOf(node), statement), 2).strip();
    }

    @Override
    public void close() {
        try {
            run(List.of("down"), 3);
        } catch (RuntimeException e) {
            System.out.println("galera.sh down failed: " + e.getMessage());
        }
    }

    private String run(List<String> arguments, int minutes) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(arguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            // The output is small; reading it to the end also waits for the script.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("galera.sh " + arguments + " did not end within " + minutes + " min");
            }
            if (!arguments.get(0).equals("sql")) {
                Files.writeString(log, "$ galera.sh " + String.join(" ", arguments) + "\n" + output,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("galera.sh " + arguments + " exited with " + process.exitValue()
                        + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
