package com.ecommerce.analytics.imports.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.Api.unique;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/** The import takes a file as it comes: its rows in any order give one result, however often it runs (issue #15). */
class ImportAnyRowOrderIT {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /** A small store's month, with a return of part of an order, a second return beyond what is left, a refused row. */
    private static List<String> rows(String run) {
        String r = run.toUpperCase();
        return List.of(
                "A" + r + ",MUG" + r + ",\"MUG, BLUE\",4,2016-03-01 09:00,3.00,1" + r + ",United Kingdom",
                "A" + r + ",CUP" + r + ",CUP,2,2016-03-01 09:00,2.00,1" + r + ",United Kingdom",
                "A" + r + ",MUG" + r + ",\"MUG, BLUE\",1,2016-03-01 09:00,3.00,1" + r + ",United Kingdom",
                "B" + r + ",MUG" + r + ",MUG BLUE,1,2016-03-03 10:00,3.50,1" + r + ",United Kingdom",
                "B" + r + ",JUG" + r + ",JUG,1,2016-03-03 10:00,8.00,1" + r + ",United Kingdom",
                "D" + r + ",CUP" + r + ",CUP,3,2016-03-02 11:00,2.10,2" + r + ",France",
                "D" + r + ",JUG" + r + ",JUG,1,2016-03-02 11:00,7.50,2" + r + ",France",
                "CA" + r + ",MUG" + r + ",MUG,-2,2016-03-04 12:00,3.50,1" + r + ",United Kingdom",
                "CB" + r + ",CUP" + r + ",CUP,-5,2016-03-05 12:00,2.10,2" + r + ",France",
                "E" + r + ",CUP" + r + ",CUP,1,2016-03-06 12:00,2.20,,United Kingdom",
                "F" + r + ",JUG" + r + ",JUG,2,2016-03-07 08:00,7.00,3" + r + ",Germany",
                "CF" + r + ",JUG" + r + ",JUG,-1,2016-03-08 08:00,7.00,3" + r + ",Germany");
    }

    private static String file(List<String> rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    private static JsonObject imported(String csv) {
        try (Response response = request("api/import/orders/", admin()).post(Entity.entity(csv, "text/csv"))) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            assertNotNull(response.getHeaderString("Content-Location"));
            return (JsonObject) Api.parse(body);
        }
    }

    private static JsonArray list(String path) {
        try (Response response = request(path, admin()).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }

    /** What a run's rows gave, with the run's own prefix taken out so that runs can be compared. */
    private static List<String> stored(String run) {
        String r = run.toUpperCase();
        UnaryOperator<String> plain = text -> text.replace(r, "*");
        List<String> facts = new ArrayList<>();
        for (String customer : List.of("1", "2", "3")) {
            JsonArray found = list("api/customers/?email=customer-" + customer + r.toLowerCase() + "@imported.invalid");
            if (found.isEmpty()) {
                facts.add("no customer " + customer);
                continue;
            }
            JsonObject shopper = found.getJsonObject(0);
            long id = shopper.getInt("id");
            facts.add("customer " + customer + " " + shopper.getString("country") + " " + shopper.getString("registration_date"));
            for (JsonObject order : list("api/orders/?customer=" + id + "&ordering=order_date").getValuesAs(JsonObject.class)) {
                List<String> items = new ArrayList<>();
                for (JsonObject item : order.getJsonArray("items").getValuesAs(JsonObject.class)) {
                    JsonObject product = getObject("api/products/" + item.getInt("product") + "/", admin());
                    items.add(plain.apply(product.getString("SKU")) + " x" + item.getInt("quantity") + " @"
                            + item.getString("price_at_time_of_order"));
                }
                Collections.sort(items);
                facts.add(plain.apply(order.getString("external_reference")) + " " + order.getString("order_date") + " "
                        + order.getString("total_amount") + " " + items);
            }
            JsonObject clv = getObject("api/customer/" + id + "/clv/", analyst());
            facts.add("clv " + clv.getString("lifetime_value"));
        }
        for (String sku : List.of("MUG", "CUP", "JUG")) {
            JsonObject product = Api.getObjectFromList("api/products/?search=" + sku + r, admin());
            facts.add(plain.apply(product.getString("SKU")) + " " + product.getString("name") + " " + product.getString("price"));
        }
        return facts;
    }

    private static List<Integer> lines(JsonObject report) {
        return report.getJsonArray("rejections").getValuesAs(JsonObject.class).stream().map(r -> r.getInt("line")).toList();
    }

    @Test
    void theSameRowsSortedInterleavedOrCreditNotesFirstGiveTheSameStore() {
        String sortedRun = unique("S");
        String interleavedRun = unique("I");
        String creditsFirstRun = unique("C");

        JsonObject sorted = imported(file(rows(sortedRun)));
        List<String> interleavedRows = new ArrayList<>(rows(interleavedRun));
        Collections.shuffle(interleavedRows, new Random(7));
        JsonObject interleaved = imported(file(interleavedRows));
        List<String> creditsFirstRows = new ArrayList<>(rows(creditsFirstRun));
        creditsFirstRows.sort(Comparator.comparing((String row) -> !row.startsWith("C")));
        JsonObject creditsFirst = imported(file(creditsFirstRows));

        assertEquals(4, sorted.getInt("orders_created"), sorted.toString());
        assertEquals(3, sorted.getInt("refunds_created"));
        assertEquals(3, sorted.getInt("customers_created"));
        assertEquals(3, sorted.getInt("products_created"));
        assertEquals(3, sorted.getInt("rows_rejected"), "no CustomerID, the mug CA cannot refund (B had one), the 2 cups "
                + "CB cannot (D had 3)");
        for (JsonObject other : List.of(interleaved, creditsFirst)) {
            for (String count : List.of("rows_read", "orders_created", "items_created", "refunds_created",
                    "customers_created", "products_created", "rows_rejected")) {
                assertEquals(sorted.getInt(count), other.getInt(count), count + ": " + sorted + " / " + other);
            }
        }
        List<String> expected = stored(sortedRun);
        assertTrue(expected.contains("MUG* MUG, BLUE 3.50"), "named after its earliest sale, priced at its latest: "
                + expected);
        assertTrue(expected.contains("clv 27.00"), "customer 1: 19.00 (A) + 11.50 (B) less the one mug of B, the latest "
                + "order with a mug before the return: " + expected);
        assertTrue(expected.contains("clv 7.50"), "customer 2: 13.80 less 3 of its 5 cups returned: " + expected);
        assertEquals(expected, stored(interleavedRun), "rows interleaved");
        assertEquals(expected, stored(creditsFirstRun), "credit notes first");

        for (List<String> again : List.of(rows(sortedRun), interleavedRows)) {
            List<String> shuffled = new ArrayList<>(again);
            Collections.shuffle(shuffled, new Random(11));
            JsonObject rerun = imported(file(shuffled));
            for (String count : List.of("orders_created", "items_created", "refunds_created", "customers_created",
                    "products_created")) {
                assertEquals(0, rerun.getInt(count), count + " on a re-run: " + rerun);
            }
        }
        assertEquals(expected, stored(sortedRun), "the re-runs changed nothing");
        try (Response response = Api.post("api/analytics/rebuild/", admin(), "")) {
            assertEquals(0, Api.object(response).getInt("differences"));
        }
    }

    @Test
    void everyRejectionIsKeptWithTheImportAsJsonPagesAndAsTheFilesRows() {
        String run = unique("J");
        String r = run.toUpperCase();
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 150; i++) {
            csv.append("G").append(r).append(i).append(",S").append(r).append(",\"SAUCER, RED\",1,2016-05-01 08:00,1.00,,")
                    .append("United Kingdom\n");
        }
        csv.append("H").append(r).append(",S").append(r).append(",SAUCER,1,2016-05-01 08:00,1.00,9").append(r)
                .append(",United Kingdom\n");
        JsonObject report = imported(csv.toString());
        assertEquals(150, report.getInt("rows_rejected"));
        assertEquals(100, report.getJsonArray("rejections").size(), "the answer lists the first hundred");
        long id = report.getJsonNumber("id").longValue();

        JsonObject record = getObject("api/imports/" + id + "/", admin());
        assertEquals("succeeded", record.getString("status"));
        assertEquals(151, record.getInt("rows_read"));
        assertEquals(1, record.getInt("orders_created"));
        assertEquals(Api.ADMIN_USERNAME, record.getString("started_by"));
        assertEquals(100, record.getJsonObject("progress").getInt("percent_done"));
        assertEquals(id, list("api/imports/?limit=5").getJsonObject(0).getJsonNumber("id").longValue(), "newest first");

        try (Response page = request("api/imports/" + id + "/rejections/?offset=140&limit=100", admin()).get()) {
            assertEquals("150", page.getHeaderString("X-Total-Count"));
            JsonArray rows = (JsonArray) Api.parse(page.readEntity(String.class));
            assertEquals(10, rows.size());
            JsonObject last = rows.getJsonObject(9);
            assertEquals(151, last.getInt("line"));
            assertEquals("no CustomerID", last.getString("reason"));
            assertEquals("G" + r + "149,S" + r + ",\"SAUCER, RED\",1,2016-05-01 08:00,1.00,,United Kingdom",
                    last.getString("row"));
        }
        try (Response csvRows = request("api/imports/" + id + "/rejections/", admin(), "text/csv").get()) {
            assertEquals(200, csvRows.getStatus());
            String[] text = csvRows.readEntity(String.class).split("\r\n");
            assertEquals(HEADER + ",line,reason", text[0]);
            assertEquals(151, text.length);
            assertEquals("G" + r + "0,S" + r + ",\"SAUCER, RED\",1,2016-05-01 08:00,1.00,,United Kingdom,2,no CustomerID",
                    text[1]);
        }
        assertJsonError(request("api/imports/99999999/", admin()).get(), 404);
        assertJsonError(request("api/imports/" + id + "/rejections/", analyst()).get(), 403);
    }

    @Test
    void anImportAskedToRespondAsyncRunsInTheBackgroundWithItsProgressAndAnotherMeanwhileIsRefused() throws Exception {
        String run = unique("Y");
        String r = run.toUpperCase();
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (int invoice = 0; invoice < 3000; invoice++) {
            for (int line = 0; line < 3; line++) {
                csv.append("Y").append(r).append(invoice).append(",P").append(r).append(line).append(",PLATE,1,2016-0")
                        .append(1 + invoice % 9).append("-1").append(invoice % 10).append(" 10:00,2.00,").append(invoice % 300)
                        .append(r).append(",United Kingdom\n");
            }
        }
        long id;
        try (Response accepted = request("api/import/orders/", admin()).header("Prefer", "respond-async")
                .post(Entity.entity(csv.toString(), "text/csv"))) {
            String body = accepted.readEntity(String.class);
            assertEquals(202, accepted.getStatus(), body);
            assertEquals("respond-async", accepted.getHeaderString("Preference-Applied"));
            String location = accepted.getHeaderString("Location");
            assertTrue(location.endsWith("/api/imports/" + ((JsonObject) Api.parse(body)).getJsonNumber("id") + "/"), location);
            id = ((JsonObject) Api.parse(body)).getJsonNumber("id").longValue();
        }
        try (Response second = request("api/import/orders/", admin()).post(Entity.entity(file(rows(unique("Z"))), "text/csv"))) {
            JsonObject error = assertJsonError(second, 409);
            assertTrue(error.getString("message").contains("Another import is running"), error.toString());
            assertEquals("30", second.getHeaderString("Retry-After"));
        }
        JsonObject record = getObject("api/imports/" + id + "/", admin());
        List<String> seen = new ArrayList<>();
        for (int poll = 0; poll < 600 && !List.of("succeeded", "failed", "interrupted").contains(record.getString("status"));
             poll++) {
            seen.add(record.getString("status") + " " + record.getJsonObject("progress"));
            Thread.sleep(100);
            record = getObject("api/imports/" + id + "/", admin());
        }
        assertEquals("succeeded", record.getString("status"), record + " after " + seen);
        assertEquals(9000, record.getInt("rows_read"));
        assertEquals(3000, record.getInt("orders_created"));
        assertEquals(300, record.getInt("customers_created"));
        assertEquals(3000, record.getJsonObject("progress").getInt("invoices_written"));
        assertNotNull(record.getString("finished_at"));
        assertTrue(seen.stream().anyMatch(step -> step.startsWith("writing") || step.startsWith("receiving")),
                "its progress was visible: " + seen);
    }
}
