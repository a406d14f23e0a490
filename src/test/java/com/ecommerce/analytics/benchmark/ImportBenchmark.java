package com.ecommerce.analytics.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
    private static final String[] COUNTRIES = {"Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium",
            "Switzerland", "Portugal", "Australia", "Norway", "Italy", "Channel Islands", "Finland", "Cyprus", "Sweden",
            "Austria", "Denmark", "Japan", "Poland", "USA", "Israel", "Unspecified", "Singapore", "Iceland", "Canada",
            "Greece", "Malta", "United Arab Emirates", "RSA", "Lebanon", "Lithuania", "Brazil", "Czech Republic"};
    private static final DateTimeFormatter SPREADSHEET_DATE = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");

    @Test
    void halfAMillionLinesImportInUnderAMinute() throws Exception {
        Path file = Path.of("target", "import-benchmark.csv");
        Lines written = write(file);
        StringBuilder report = new StringBuilder(String.format("File: %,d lines (%,d bytes), %,d invoices of which "
                + "%,d credit notes, %,d rows without a CustomerID or with an unknown country%n%n", written.lines,
                Files.size(file), written.invoices, written.credits, written.unreadable));
        // HTTP/1.1: the default HTTP/2 upgrade attempt over plain HTTP added seconds to a request with a 36 MB body.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String token = Api.adminToken();
        for (String run : List.of("first import", "same file again")) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/import/orders/"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(200, response.statusCode(), response.body());
            JsonObject result = (JsonObject) Api.parse(response.body());
            report.append(String.format("%s: %.1f s%n%n    %s%n%n", run, seconds, counts(result)));
            if (run.equals("first import")) {
                assertTrue(result.getInt("orders_created") > 0);
            } else {
                assertEquals(0, result.getInt("orders_created"));
            }
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

    private static String counts(JsonObject result) {
        List<String> fields = new ArrayList<>();
        result.forEach((name, value) -> {
            if (!name.equals("rejections")) {
                fields.add(name + "=" + value);
            }
        });
        return String.join(", ", fields);
    }

    private record Lines(long lines, long invoices, long credits, long unreadable) {
    }

    /**
     * A year of invoices of 1-40 lines (20 on average), nine in ten British; one invoice in fifty a credit note
     * for something the customer bought before; one row in twenty without a customer, as in the real data set.
     */
    private static Lines write(Path file) throws IOException {
        Random random = new Random(2011);
        LocalDateTime start = LocalDateTime.now().minusYears(1).withHour(8).withMinute(0).withSecond(0).withNano(0);
        long lines = 0;
        long invoices = 0;
        long credits = 0;
        long unreadable = 0;
        int[][] bought = new int[CUSTOMERS][8];
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            for (int invoice = 536_365; lines < LINES; invoice++) {
                LocalDateTime date = start.plusMinutes(lines * 360L * 24 * 60 / LINES + random.nextInt(5));
                int customer = random.nextInt(CUSTOMERS);
                String country = customer % 10 == 0 ? COUNTRIES[customer / 10 % COUNTRIES.length] : "United Kingdom";
                boolean credit = invoices > 100 && random.nextInt(50) == 0;
                int size = credit ? 1 + random.nextInt(3) : 1 + random.nextInt(40);
                invoices++;
                credits += credit ? 1 : 0;
                for (int line = 0; line < size && lines < LINES; line++) {
                    int product = credit ? bought[customer][random.nextInt(8)] : random.nextInt(PRODUCTS);
                    if (!credit) {
                        bought[customer][line % 8] = product;
                    }
                    boolean anonymous = random.nextInt(20) == 0;
                    unreadable += anonymous || country.equals("Unspecified") ? 1 : 0;
                    out.write((credit ? "C" : "") + invoice + "," + (20_000 + product) + (product % 7 == 0 ? "B" : "")
                            + "," + (product % 5 == 0 ? "\"SET OF " + (product % 12 + 2) + ", ASSORTED " + product + "\""
                            : "ITEM " + product) + "," + (credit ? "-" : "") + (1 + random.nextInt(12)) + ","
                            + date.format(SPREADSHEET_DATE) + "," + (product % 50 + 1) + "." + (product % 100 < 10 ? "0" : "")
                            + product % 100 + "," + (anonymous ? "" : (12_346 + customer) + ".0") + "," + country + "\n");
                    lines++;
                }
            }
        }
        return new Lines(lines, invoices, credits, unreadable);
    }
}
