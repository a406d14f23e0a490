package com.ecommerce.analytics.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/** Every list and analytics answer comes as CSV to a client that asks for text/csv: the same data, as a table. */
class CsvAnswersIT {

    private static final String CSV = "text/csv";

    @Test
    void aListAsCsvHoldsTheSameRowsAndNeutralisesFormulas() throws IOException {
        String token = Api.admin();
        String name = "=HYPERLINK(\"x\"), " + Api.unique("cat");
        long category = Api.created("api/categories/", token, "{\"name\":" + jsonString(name)
                + ",\"description\":\"line one\\nline two\"}").getJsonNumber("id").longValue();

        List<CSVRecord> rows = csv("api/categories/?limit=1000", token);
        JsonArray json = Api.parse(text("api/categories/?limit=1000", token, "application/json")).asJsonArray();
        assertEquals(json.size(), rows.size());
        assertEquals(List.of("description", "id", "lead_time_days", "name", "service_level"),
                rows.get(0).getParser().getHeaderNames(),
                "the JSON's fields, in its order");
        CSVRecord mine = rows.stream().filter(row -> row.get("id").equals(Long.toString(category))).findFirst().orElseThrow();
        assertEquals("'" + name, mine.get("name"), "a cell that Excel would run as a formula starts with an apostrophe");
        assertEquals("line one\nline two", mine.get("description"));
    }

    @Test
    void analyticsAsCsvGiveTheFiguresOfTheJsonAnswer() throws IOException {
        String token = Api.admin();
        long category = Store.category();
        long product = Store.product("12.50", 100, category);
        Api.created("api/orders/", token, Store.order(Store.customer("DE"), product, 3));
        Store.analyticsCaughtUp();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String categories = "api/analytics/sales/?type=revenue_by_category&start_date=" + LocalDate.parse(today).minusDays(1)
                + "&end_date=" + LocalDate.parse(today).plusDays(1);

        String categoryName = Api.getObject("api/categories/" + category + "/", token).getString("name");
        JsonObject fromJson = Api.parse(text(categories, token, "application/json")).asJsonArray().stream()
                .map(JsonObject.class::cast).filter(row -> row.getString("category_name").equals(categoryName))
                .findFirst().orElseThrow();
        CSVRecord fromCsv = csv(categories, token).stream().filter(row -> row.get("category_name").equals(categoryName))
                .findFirst().orElseThrow();
        assertEquals("37.50", fromJson.getString("total_revenue"));
        assertEquals(fromJson.getString("total_revenue"), fromCsv.get("total_revenue"));
        assertEquals(Long.toString(fromJson.getJsonNumber("units_sold").longValue()), fromCsv.get("units_sold"));

        String series = "api/analytics/sales/?type=revenue_over_time&interval=day&start_date=2001-03-01&end_date=2001-03-05";
        List<CSVRecord> buckets = csv(series, token);
        assertEquals(5, buckets.size(), "a row per bucket");
        assertEquals("2001-03-01", buckets.get(0).get("start_date"));
        assertEquals("day", buckets.get(0).get("interval"));
        assertEquals("0.00", buckets.get(4).get("net_revenue"));
        assertTrue(buckets.get(0).isMapped("totals.net_revenue"), buckets.get(0).getParser().getHeaderNames().toString());
    }

    @Test
    void jsonStaysTheDefaultAndErrorsStayJson() {
        String token = Api.analyst();
        try (Response any = Api.request("api/categories/", token, "*/*").get()) {
            assertEquals(200, any.getStatus());
            assertTrue(any.getMediaType().toString().startsWith("application/json"), any.getMediaType().toString());
        }
        try (Response bad = Api.request("api/analytics/sales/?type=nonsense", token, CSV).get()) {
            assertEquals(400, bad.getStatus());
            assertTrue(bad.getMediaType().toString().startsWith("application/json"), bad.getMediaType().toString());
            assertTrue(bad.readEntity(String.class).contains("\"type\""));
        }
        try (Response one = Api.request("api/tax-rates/US/", token, CSV).get()) {
            assertEquals(406, one.getStatus(), "a single record is not offered as CSV");
            assertTrue(one.getMediaType().toString().startsWith("application/json"), one.getMediaType().toString());
        }
    }

    private static List<CSVRecord> csv(String path, String token) throws IOException {
        try (Response answer = Api.request(path, token, CSV).get()) {
            assertEquals(200, answer.getStatus(), path);
            assertTrue(answer.getHeaderString("Content-Type").startsWith("text/csv"), answer.getHeaderString("Content-Type"));
            String body = answer.readEntity(String.class);
            assertTrue(body.contains("\r\n"), "RFC 4180 lines end in CRLF");
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(body)).getRecords();
        }
    }

    private static String text(String path, String token, String accept) {
        try (Response answer = Api.request(path, token, accept).get()) {
            assertEquals(200, answer.getStatus(), path);
            return answer.readEntity(String.class);
        }
    }

    private static String jsonString(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
