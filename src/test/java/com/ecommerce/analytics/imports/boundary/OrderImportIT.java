package com.ecommerce.analytics.imports.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.Api.unique;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

class OrderImportIT {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    private static Response post(String csv, String query, String token) {
        return request("api/import/orders/" + query, token).post(Entity.entity(csv, "text/csv"));
    }

    private static JsonObject imported(String csv, String query) {
        try (Response response = post(csv, query, admin())) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonObject) Api.parse(body);
        }
    }

    private static long product(String sku, String price) {
        return created("api/products/", admin(), "{\"name\":\"" + unique("Lantern") + "\",\"SKU\":\"" + sku
                + "\",\"price\":\"" + price + "\",\"category\":" + Store.category() + "}").getInt("id");
    }

    private static JsonObject customer(String reference) {
        return Api.getObjectFromList("api/customers/?email=customer-" + reference.toLowerCase() + "@imported.invalid",
                admin());
    }

    private static JsonArray list(String path) {
        try (Response response = request(path, admin()).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }

    @Test
    void invoicesBecomeDeliveredOrdersAndCreditNotesRefundTheLatestOrderWithTheirSku() {
        String run = unique("R");
        String known = run + "-LANTERN";
        long lantern = product(known, "3.00");
        String fresh = run + "-HEART";
        String buyer = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String csv = HEADER
                + "A" + run + "," + known + ",WHITE METAL LANTERN,6,2017-03-01 10:00:00,2.55," + buyer + ".0,United Kingdom\n"
                + "A" + run + "," + known.toLowerCase() + ",WHITE METAL LANTERN,6,2017-03-01 10:00:00,2.55," + buyer
                + ",United Kingdom\n"
                + "A" + run + "," + fresh + ",\"HEART HOLDER, LARGE\",2,2017-03-01 10:00:00,10.00," + buyer + ",United Kingdom\n"
                + "B" + run + "," + fresh + ",HEART HOLDER,1,3/2/2017 9:30,12.00," + buyer + ",United Kingdom\n"
                + "C" + run + "," + fresh + ",HEART HOLDER,-2,2017-03-05 12:00:00,12.00," + buyer + ",United Kingdom\n"
                + "CX" + run + "," + known + ",WHITE METAL LANTERN,-1,2017-03-05 12:00:00,2.55," + run + "99,France\n";
        JsonObject report = imported(csv, "");

        assertEquals(6, report.getInt("rows_read"));
        assertEquals(2, report.getInt("orders_created"));
        assertEquals(3, report.getInt("items_created"), "the lantern's two lines at one price are one line of 12");
        assertEquals(1, report.getInt("refunds_created"));
        assertEquals(1, report.getInt("customers_created"));
        assertEquals(1, report.getInt("products_created"));
        assertEquals(2, report.getInt("rows_rejected"));
        JsonArray rejections = report.getJsonArray("rejections");
        assertEquals(6, rejections.getJsonObject(0).getInt("line"));
        assertTrue(rejections.getJsonObject(0).getString("reason").startsWith("1 of 2 units refunded; 1 rejected: order B"
                + run.toUpperCase()), rejections.toString());
        assertEquals(7, rejections.getJsonObject(1).getInt("line"));
        assertTrue(rejections.getJsonObject(1).getString("reason").startsWith("no order of customer " + run.toUpperCase()
                + "99"),
                rejections.toString());

        JsonObject customer = customer(buyer);
        long id = customer.getInt("id");
        assertEquals("GB", customer.getString("country"));
        assertEquals("Customer " + buyer, customer.getString("name"));
        assertEquals(buyer, customer.getString("external_reference"));
        JsonArray orders = list("api/orders/?customer=" + id + "&ordering=order_date");
        assertEquals(2, orders.size());
        JsonObject first = orders.getJsonObject(0);
        assertEquals("delivered", first.getString("status"));
        assertEquals(("A" + run).toUpperCase(), first.getString("external_reference"), "kept in capitals");
        assertEquals("2017-03-01T15:00:00Z", first.getString("order_date"), "10:00 in the store's New York time");
        assertEquals("50.60", first.getString("total_amount"), "12 x 2.55 + 2 x 10.00");
        assertEquals("2017-03-02T14:30:00Z", orders.getJsonObject(1).getString("order_date"));

        JsonObject heart = Api.getObjectFromList("api/products/?search=" + fresh, admin());
        assertEquals("12.00", heart.getString("price"), "the latest UnitPrice");
        assertEquals("HEART HOLDER, LARGE", heart.getString("name"));
        assertEquals("3.00", getObject("api/products/" + lantern, admin()).getString("price"), "an existing product keeps its price");

        JsonObject clv = getObject("api/customer/" + id + "/clv/", analyst());
        assertEquals("50.60", clv.getString("lifetime_value"), "50.60 + 12.00 less the 12.00 refunded");
        assertEquals(2, clv.getInt("orders"));

        try (Response response = request("api/analytics/sales/?type=revenue_by_product&start_date=2017-03-01"
                + "&end_date=2017-03-31&limit=1000", analyst()).get()) {
            JsonArray products = (JsonArray) Api.parse(response.readEntity(String.class));
            JsonObject heartSales = products.stream().map(JsonObject.class::cast)
                    .filter(row -> row.getInt("id") == heart.getInt("id")).findFirst().orElseThrow();
            assertEquals(3, heartSales.getInt("units_sold"));
            assertEquals("32.00", heartSales.getString("gross_sales"));
            assertEquals("12.00", heartSales.getString("refunds"));
            assertEquals("20.00", heartSales.getString("total_revenue"));
        }
        try (Response response = Api.post("api/analytics/rebuild/", admin(), "")) {
            JsonObject rebuilt = Api.object(response);
            assertEquals(0, rebuilt.getInt("differences"), "the aggregates written with the import agree with the orders: "
                    + rebuilt);
        }
    }

    @Test
    void importingAFileAgainCreatesNothingAndAnOverlappingFileOnlyWhatIsNew() {
        String run = unique("R");
        String first = HEADER
                + "D" + run + "," + run + "-MUG,MUG,1,2018-05-01 08:00,4.00," + run + "1,Germany\n"
                + "E" + run + "," + run + "-MUG,MUG,2,2018-05-02 08:00,4.00," + run + "2,EIRE\n"
                + "CE" + run + "," + run + "-MUG,MUG,-1,2018-05-03 08:00,4.00," + run + "2,EIRE\n";
        JsonObject once = imported(first, "");
        assertEquals(2, once.getInt("orders_created"));
        assertEquals(1, once.getInt("refunds_created"));

        JsonObject again = imported(first, "");
        for (String count : List.of("orders_created", "items_created", "refunds_created", "customers_created",
                "products_created", "rows_rejected")) {
            assertEquals(0, again.getInt(count), count + " in " + again);
        }
        assertEquals(3, again.getInt("invoices_already_imported"));
        assertEquals(3, again.getInt("rows_already_imported"));

        JsonObject overlapping = imported(first + "F" + run + "," + run + "-MUG,MUG,3,2018-05-04 08:00,4.50," + run
                + "3,Germany\n", "");
        assertEquals(1, overlapping.getInt("orders_created"));
        assertEquals(1, overlapping.getInt("customers_created"));
        assertEquals(0, overlapping.getInt("products_created"));
        assertEquals(3, overlapping.getInt("invoices_already_imported"));
        assertEquals("IE", customer(run + "2").getString("country"));
        assertEquals("4.00", getObject("api/customer/" + customer(run + "2").getInt("id") + "/clv/", analyst())
                .getString("lifetime_value"), "8.00 less the 4.00 refunded once, not twice");
    }

    @Test
    void everyRejectedRowIsReportedWithItsLineAndReasonAndTheRestIsImported() {
        String run = unique("R");
        String csv = HEADER
                + "G" + run + ",S1,no customer,1,2017-06-01 08:00,1.00,,United Kingdom\n"
                + "G" + run + ",S1,zero,0,2017-06-01 08:00,1.00," + run + ",United Kingdom\n"
                + "G" + run + ",S1,negative price,1,2017-06-01 08:00,-1.00," + run + ",United Kingdom\n"
                + "G" + run + ",S1,nowhere,1,2017-06-01 08:00,1.00," + run + ",Atlantis\n"
                + "G" + run + ",S1,bad date,1,31/06/2011 08:00,1.00," + run + ",United Kingdom\n"
                + "G" + run + ",S1,short,1,2017-06-01 08:00,1.00\n"
                + "G" + run + "," + run + "-OK,fine,1,2017-06-01 08:00,1.00," + run + ",United Kingdom\n";
        JsonObject report = imported(csv, "");
        assertEquals(6, report.getInt("rows_rejected"));
        assertEquals(1, report.getInt("orders_created"));
        JsonArray rejections = report.getJsonArray("rejections");
        assertEquals(List.of(2, 3, 4, 5, 6, 7), rejections.stream().map(r -> ((JsonObject) r).getInt("line")).toList());
        assertEquals("no CustomerID", rejections.getJsonObject(0).getString("reason"));
        assertEquals("Quantity is 0", rejections.getJsonObject(1).getString("reason"));
        assertEquals("UnitPrice -1.00 is negative", rejections.getJsonObject(2).getString("reason"));
        assertEquals("unknown country 'Atlantis'", rejections.getJsonObject(3).getString("reason"));
        assertTrue(rejections.getJsonObject(4).getString("reason").startsWith("InvoiceDate '31/06/2011 08:00'"));
        assertEquals("expected 8 values, found 6", rejections.getJsonObject(5).getString("reason"));
    }

    @Test
    void anUploadedFileIsReadInTheGivenTimeZone() {
        String run = unique("R");
        String csv = HEADER + "H" + run + "," + run + "-CUP,CUP,1,2017-07-01 12:00,2.00," + run + ",Japan\n";
        Response response = request("api/import/orders/?timezone=Asia/Tokyo", admin()).post(Entity.entity(
                "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sales.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--b0undary--\r\n",
                MediaType.valueOf("multipart/form-data; boundary=b0undary")));
        try (response) {
            JsonObject report = Api.object(response);
            assertEquals(1, report.getInt("orders_created"), report.toString());
        }
        JsonArray orders = list("api/orders/?customer=" + customer(run).getInt("id"));
        assertEquals("2017-07-01T03:00:00Z", orders.getJsonObject(0).getString("order_date"), "noon in Tokyo");
    }

    @Test
    void anImportedHistoryIsSeenByTheRecommendationsAndTheExcelExport() throws IOException {
        String run = unique("R");
        long kettle = stocked(run + "-KETTLE");
        long teapot = stocked(run + "-TEAPOT");
        String[] buyers = new String[3];
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < buyers.length; i++) {
            buyers[i] = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
            csv.append("K").append(i).append(run).append(',').append(run).append("-KETTLE,KETTLE,1,2018-04-0").append(i + 1)
                    .append(" 10:00,20.00,").append(buyers[i]).append(",Germany\n");
            if (i < 2) {
                csv.append("K").append(i).append(run).append(',').append(run).append("-TEAPOT,TEAPOT,1,2018-04-0")
                        .append(i + 1).append(" 10:00,15.00,").append(buyers[i]).append(",Germany\n");
            }
        }
        assertEquals(3, imported(csv.toString(), "").getInt("orders_created"));
        assertEquals(100, Store.stockOf(kettle), "past sales do not take stock");

        rebuildRecommendations();
        long onlyKettle = customer(buyers[2]).getInt("id");
        try (Response response = request("api/recommendations/" + onlyKettle + "/?type=history", admin()).get()) {
            List<Long> suggested = ((JsonArray) Api.parse(response.readEntity(String.class))).getValuesAs(JsonObject.class)
                    .stream().map(item -> item.getJsonNumber("id").longValue()).toList();
            assertEquals(teapot, suggested.get(0), "bought with the kettle by both other buyers: " + suggested);
            assertFalse(suggested.contains(kettle), "already bought");
        }

        long order = list("api/orders/?customer=" + onlyKettle).getJsonObject(0).getInt("id");
        try (Response response = request("api/export-sales/4/2018/", analyst()).get();
             XSSFWorkbook workbook = new XSSFWorkbook(response.readEntity(InputStream.class))) {
            boolean listed = false;
            for (Row row : workbook.getSheet("Order lines")) {
                listed |= row.getRowNum() > 0 && row.getCell(0).getCellType() == CellType.NUMERIC
                        && row.getCell(0).getNumericCellValue() == order;
            }
            assertTrue(listed, "the imported order " + order + " is among the month's order lines");
        }
    }

    @Test
    void aFileThatBreaksOffImportsNothingAndTheFixedFileImportsEverything() {
        String run = unique("R");
        String customer = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String start = HEADER
                + "M" + run + "," + run + "-BOWL,BOWL,1,2017-08-01 08:00,5.00," + customer + ",France\n"
                + "N" + run + "," + run + "-BOWL,BOWL,2,2017-08-02 08:00,5.00," + customer + ",France\n";
        String broken = start + "N" + run + "," + run + "-SPOON,\"SPOON, SILVER,3,2017-08-02 08:00,1.00," + customer
                + ",France\n";
        try (Response response = post(broken, "", admin())) {
            String message = assertJsonError(response, 400).getString("message");
            assertTrue(message.contains("cannot be read at line 4") && message.contains("nothing was imported"), message);
        }
        assertEquals(0, list("api/customers/?email=customer-" + customer + "@imported.invalid").size(),
                "the rows before the fault are not half-imported");
        JsonObject failed = list("api/imports/?limit=1").getJsonObject(0);
        assertEquals("failed", failed.getString("status"));
        assertTrue(failed.getString("error").contains("line 4"), failed.toString());

        JsonObject rerun = imported(start + "N" + run + "," + run + "-SPOON,\"SPOON, SILVER\",3,2017-08-02 08:00,1.00,"
                + customer + ",France\n", "");
        assertEquals(2, rerun.getInt("orders_created"));
        assertEquals(3, rerun.getInt("items_created"));
        assertEquals("18.00", getObject("api/customer/" + customer(customer).getInt("id") + "/clv/", analyst())
                .getString("lifetime_value"));
    }

    private static long stocked(String sku) {
        long product = product(sku, "20.00");
        created("api/inventory/", admin(), "{\"product\":" + product + ",\"quantity\":100}");
        return product;
    }

    private static void rebuildRecommendations() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Response response = Api.post("api/recommendations/rebuild/", admin(), "")) {
                if (response.getStatus() == 200) {
                    return;
                }
                assertEquals(409, response.getStatus(), "another rebuild is running, or it failed");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("a recommendations rebuild kept running");
    }

    @Test
    void badFilesAndCallersWithoutTheAdminRoleAreRefused() {
        String csv = HEADER + "1,S,x,1,2017-01-01 08:00,1.00,1,United Kingdom\n";
        try (Response response = post("InvoiceNo,StockCode,Quantity\n1,2,3\n", "", admin())) {
            assertTrue(assertJsonError(response, 400).getString("message").contains("lacks Description"));
        }
        try (Response response = post("", "", admin())) {
            assertJsonError(response, 400);
        }
        try (Response response = post(csv, "?timezone=Mars/Olympus", admin())) {
            assertJsonError(response, 400);
        }
        try (Response response = post(csv, "", analyst())) {
            assertJsonError(response, 403);
        }
        try (Response response = request("api/import/orders/").post(Entity.entity(csv, "text/csv"))) {
            assertJsonError(response, 401);
        }
    }
}
