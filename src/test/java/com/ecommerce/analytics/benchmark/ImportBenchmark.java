package com.ecommerce.analytics.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * The CSV import at size (mvn -Pbenchmark verify -Dbenchmark.only=import, see README): writes a
 * 500,000-line file shaped like the UCI Online Retail data set, imports it over HTTP into the test server's
 * (empty) database, imports it again (everything is then already there), and writes the times to
 * target/import-benchmark-results.md.
 */
@EnabledIfSystemProperty(named = "benchmark.only", matches = "import")
class ImportBenchmark {

    private static final int LINES = 500_000;
    private static final int CUSTOMERS = 4_400;
    private static final int PRODUCTS = 4_000;

    @Test
    void halfAMillionLinesImportInUnderAMinute() throws Exception {
        Path file = Path.of("target", "import-benchmark.csv");
        OnlineRetailFile.Lines written = new OnlineRetailFile(LINES, CUSTOMERS, PRODUCTS, 536_365, 12_346)
                .write(file, LocalDateTime.now().minusYears(1).withHour(8).withMinute(0).withSecond(0).withNano(0), 360);
        StringBuilder report = new StringBuilder(String.format("File: %,d lines (%,d bytes), %,d invoices of which "
                + "%,d credit notes, %,d rows without a CustomerID or with an unknown country%n%n", written.lines(),
                Files.size(file), written.invoices(), written.credits(), written.unreadable()));
        // HTTP/1.1: the default HTTP/2 upgrade attempt over plain HTTP added seconds to a request with a 36 MB body.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String token = Api.adminToken();
        Path shuffled = shuffled(file, Path.of("target", "import-benchmark-shuffled.csv"));
        Path other = Path.of("target", "import-benchmark-other.csv");
        new OnlineRetailFile(LINES, CUSTOMERS, PRODUCTS, 836_365, 42_346)
                .write(other, LocalDateTime.now().minusYears(1).withHour(8).withMinute(0).withSecond(0).withNano(0), 360);
        Path otherShuffled = shuffled(other, Path.of("target", "import-benchmark-other-shuffled.csv"));
        for (Map.Entry<String, Path> run : List.of(Map.entry("first import", file), Map.entry("same file again", file),
                Map.entry("the same rows shuffled", shuffled),
                Map.entry("another file of as many new invoices, its rows shuffled", otherShuffled))) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/import/orders/"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(run.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(200, response.statusCode(), response.body());
            JsonObject result = (JsonObject) Api.parse(response.body());
            report.append(String.format("%s: %.1f s%n%n    %s%n%n", run.getKey(), seconds, counts(result)));
            boolean creates = run.getKey().startsWith("first") || run.getKey().startsWith("another");
            assertEquals(creates, result.getInt("orders_created") > 0, run.getKey() + ": " + result);
        }
        long started = System.nanoTime();
        try (Response rebuild = Api.post("api/analytics/rebuild/", token, "")) {
            JsonObject result = Api.object(rebuild);
            report.append(String.format("Rebuild of the sales aggregates from the imported orders: %.1f s, %s%n",
                    (System.nanoTime() - started) / 1e9, result));
            assertEquals(0, result.getInt("differences"), "the aggregates the import kept agree with the orders");
        }
        Files.writeString(Path.of("target", "import-benchmark-results.md"), report);
        System.out.println(report);
    }

    /** The file's rows (its header first) in a random order, as a sample or a file sorted by another column has them. */
    private static Path shuffled(Path file, Path target) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String header = lines.remove(0);
        Collections.shuffle(lines, new Random(15));
        lines.add(0, header);
        return Files.write(target, lines);
    }

    private static String counts(JsonObject result) {
        List<String> fields = new ArrayList<>();
        result.forEach((name, value) -> {
            if (!name.equals("rejections")) {
                fields.add(name + "=" + value);
            }
        });
        return String.join(", ", fields);
    }
}
