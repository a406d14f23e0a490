package com.ecommerce.analytics.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an instance's server said went wrong, read from its console.log, which every start of it appends to (Liberty
 * keeps only the last runs' messages.log): its incidents (the 500s) by request, exception, SQL statement and root
 * cause; its error and warning messages; and its FFDC files.
 */
final class ServerLogs {

    private static final Pattern INCIDENT = Pattern.compile("Incident [0-9a-f]{8}-[0-9a-f-]+: (\\S+ \\S+) by");
    private static final Pattern MESSAGE = Pattern.compile("^\\[(ERROR|WARNING) *\\] ([A-Z]{4,5}\\d{4}[EW]):");

    private ServerLogs() {
    }

    static String summary(Path home) throws IOException {
        Path console = home.resolve("console.log");
        if (!Files.exists(console)) {
            return "  (no " + console + ")\n";
        }
        List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
        Map<String, Integer> incidents = new TreeMap<>();
        Map<String, Integer> messages = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher incident = INCIDENT.matcher(lines.get(i));
            if (incident.find()) {
                incidents.merge(incident.group(1).replaceAll("/\\d+/", "/{id}/") + " <- " + what(lines, i), 1,
                        Integer::sum);
            }
            Matcher message = MESSAGE.matcher(lines.get(i));
            if (message.find()) {
                messages.merge(message.group(2) + shorten(lines.get(i).substring(message.end())
                        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                        .replaceAll("\\d+", "N"), 150), 1, Integer::sum);
            }
        }
        long ffdc = 0;
        Path ffdcDirectory = home.resolve("logs").resolve("ffdc");
        if (Files.isDirectory(ffdcDirectory)) {
            try (Stream<Path> all = Files.list(ffdcDirectory)) {
                ffdc = all.filter(f -> f.getFileName().toString().startsWith("ffdc_")).count();
            }
        }
        return "  incidents (500s) by request <- exception [SQL] / root cause:\n" + counted(incidents)
                + "  error and warning messages:\n" + counted(messages)
                + "  FFDC files: " + ffdc + "\n";
    }

    /**
     * The first line reported after line i (the console shows an exception's message, not its class), the statement
     * it ran, if any, and the last cause named.
     */
    private static String what(List<String> lines, int i) {
        String exception = "";
        String sql = "";
        String cause = "";
        for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("["); j++) {
            String line = lines.get(j).strip();
            if (exception.isEmpty() && !line.isEmpty() && !line.startsWith("at ")) {
                exception = shorten(line, 150);
            } else if (sql.isEmpty() && line.startsWith("Call: ")) {
                sql = " [" + shorten(line.substring(6), 70) + "]";
            } else if (line.startsWith("Caused by:")) {
                cause = " / " + shorten(line, 120);
            }
        }
        return (exception + sql + cause).replaceAll("\\d{3,}", "N");
    }

    private static String counted(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "    none\n";
        }
        return counts.entrySet().stream().map(e -> "    " + e.getValue() + " x " + e.getKey())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String shorten(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "..." : text;
    }
}
