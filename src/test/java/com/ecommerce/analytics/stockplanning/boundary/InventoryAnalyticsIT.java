package com.ecommerce.analytics.stockplanning.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.Api.unique;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.PastSales;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/**
 * The buyer's inventory report over HTTP. Five products of a category of their own sold 7 units a week for 20 weeks
 * (imported) before the demand model was rebuilt; their statuses follow from stock levels far from any threshold.
 * Two more sold only today, which no model has seen: their line is the window's average, computed here by hand.
 */
class InventoryAnalyticsIT {

    private static LocalDate today;
    private static long category;
    private static long fresh;
    private static long outOfStock;
    private static long atRisk;
    private static long healthy;
    private static long overstocked;
    private static long dead;
    private static JsonObject model;

    @BeforeAll
    static void fiveProductsWithTwentyWeeksOfSales() throws InterruptedException {
        today = LocalDate.parse(getObject("api/store/", admin()).getString("today"));
        category = created("api/categories/", admin(), "{\"name\":\"" + unique("Planned") + "\",\"lead_time_days\":7}")
                .getInt("id");
        fresh = created("api/categories/", admin(), "{\"name\":\"" + unique("Fresh") + "\"}").getInt("id");
        PastSales history = new PastSales();
        outOfStock = soldWeekly(history, "4.00", "DE");
        atRisk = soldWeekly(history, null, "DE");
        healthy = soldWeekly(history, "2.50", "DE");
        overstocked = soldWeekly(history, "1.00", "FR");
        dead = product(null, category);
        try (Response imported = request("api/import/orders/", admin()).post(Entity.entity(history.csv(), "text/csv"))) {
            assertEquals(200, imported.getStatus(), imported.readEntity(String.class));
        }
        setStock(outOfStock, 0);
        setStock(atRisk, 3);
        setStock(healthy, 40);
        setStock(overstocked, 2000);
        setStock(dead, 50);
        Store.analyticsCaughtUp();
        model = rebuilt();
    }

    @Test
    void eachProductGetsTheStatusItsStockAndSalesCallFor() {
        Map<Long, JsonObject> lines = byProduct(list("api/analytics/inventory/?category=" + category, admin()));

        assertEquals("stock_out", lines.get(outOfStock).getString("status"));
        assertEquals("at_risk", lines.get(atRisk).getString("status"));
        assertEquals("healthy", lines.get(healthy).getString("status"), lines.get(healthy).toString());
        assertEquals("overstock", lines.get(overstocked).getString("status"), lines.get(overstocked).toString());
        assertEquals("dead", lines.get(dead).getString("status"));
        for (long product : List.of(outOfStock, atRisk, healthy, overstocked)) {
            JsonObject line = lines.get(product);
            assertEquals(model.getString("method"), line.getString("forecast_method"), line.toString());
            assertEquals(28, line.getInt("units_sold"), "the last 4 weekly sales lie in the 28-day window: " + line);
            assertEquals(1.0, line.getJsonNumber("units_per_day").doubleValue(), 1e-9);
            double perDay = line.getJsonNumber("forecast_units").doubleValue() / 28;
            assertTrue(perDay > 0.3 && perDay < 3, "a forecast near the 1 unit a day sold: " + line);
            assertEquals(7, line.getInt("lead_time_days"), "the category's");
        }
        assertEquals(0.0, lines.get(outOfStock).getJsonNumber("days_of_cover").doubleValue());
        assertEquals(today.toString(), lines.get(outOfStock).getString("stockout_date"));
        assertEquals(JsonValue.NULL, lines.get(dead).get("days_of_cover"), "no demand: the stock never runs out");
        assertEquals(0, lines.get(dead).getInt("units_sold"));
        assertEquals("window_average", lines.get(dead).getString("forecast_method"), "no sale in 104 weeks: no forecast");
    }

    @Test
    void theReorderPointAndQuantityFollowTheDocumentedFormulas() {
        // horizon = lead time: forecast_units is the demand over the lead time; horizon = lead + review: up to level
        Map<Long, JsonObject> overLead = byProduct(list("api/analytics/inventory/?horizon_days=7&category=" + category, admin()));
        Map<Long, JsonObject> overCycle = byProduct(list("api/analytics/inventory/?horizon_days=14&category=" + category,
                admin()));
        for (long product : List.of(outOfStock, atRisk, healthy, overstocked)) {
            JsonObject line = overLead.get(product);
            long safety = line.getJsonNumber("safety_stock").longValue();
            assertWithinRounding(line.getJsonNumber("forecast_units").doubleValue(),
                    line.getJsonNumber("reorder_point").longValue() - safety, line);
            long onHand = line.getJsonNumber("on_hand").longValue();
            long quantity = line.getJsonNumber("reorder_quantity").longValue();
            if (onHand <= line.getJsonNumber("reorder_point").longValue()) {
                assertWithinRounding(overCycle.get(product).getJsonNumber("forecast_units").doubleValue(),
                        quantity + onHand - safety, line);
            } else {
                assertEquals(0, quantity, line.toString());
            }
        }
        assertTrue(overLead.get(outOfStock).getJsonNumber("reorder_quantity").longValue() > 0);
        assertEquals(new java.math.BigDecimal(overLead.get(outOfStock).getString("cost_price"))
                        .multiply(new java.math.BigDecimal(overLead.get(outOfStock).getJsonNumber("reorder_quantity").toString()))
                        .setScale(2),
                new java.math.BigDecimal(overLead.get(outOfStock).getString("reorder_value_at_cost")));
        assertEquals(JsonValue.NULL, overLead.get(atRisk).get("cost_price"), "no cost price: null, not 0");
        assertEquals(JsonValue.NULL, overLead.get(atRisk).get("stock_value_at_cost"));
        assertEquals("2000.00", overLead.get(overstocked).getString("stock_value_at_cost"));
    }

    @Test
    void aProductNoModelHasSeenIsPlannedOnItsWindowAverage() {
        // 28 units sold today and 10 left: 1 a day over the 28-day window, 7 a week; errors spread sqrt(7) = 2.6458.
        // The store's 7 days at 95%: safety ceil(1.6449 x 2.6458) = 5, reorder point 7 + 5 = 12, up to 14 + 5 = 19.
        // Its own 14 days at 99%: safety ceil(2.3263 x 2.6458 x sqrt 2) = 9, reorder point 14 + 9 = 23, up to 21 + 9 = 30.
        long customer = Store.customer("IT");
        long inherits = product(null, fresh);
        long ownTerms = created("api/products/", admin(), "{\"name\":\"" + unique("Item") + "\",\"SKU\":\""
                + unique("SKU") + "\",\"price\":\"9.00\",\"category\":" + fresh
                + ",\"lead_time_days\":14,\"service_level\":\"0.99\"}").getInt("id");
        for (long product : List.of(inherits, ownTerms)) {
            setStock(product, 38);
            created("api/orders/", admin(), Store.order(customer, product, 28));
        }
        Store.analyticsCaughtUp();

        Map<Long, JsonObject> lines = byProduct(list("api/analytics/inventory/?category=" + fresh, admin()));

        JsonObject first = lines.get(inherits);
        assertEquals("window_average", first.getString("forecast_method"));
        assertEquals(10, first.getInt("on_hand"));
        assertEquals(28, first.getInt("units_sold"));
        assertEquals(28.0, first.getJsonNumber("forecast_units").doubleValue(), 1e-9);
        assertEquals(10.0, first.getJsonNumber("days_of_cover").doubleValue(), 1e-9);
        assertEquals(today.plusDays(10).toString(), first.getString("stockout_date"));
        assertEquals(0.7368, first.getJsonNumber("sell_through_rate").doubleValue(), 1e-9, "28 / (28 + 10)");
        assertEquals(5, first.getInt("safety_stock"));
        assertEquals(12, first.getInt("reorder_point"));
        assertEquals(9, first.getInt("reorder_quantity"));
        assertEquals("at_risk", first.getString("status"));
        assertEquals("0.95", first.getString("service_level"));
        JsonObject second = lines.get(ownTerms);
        assertEquals(14, second.getInt("lead_time_days"));
        assertEquals(9, second.getInt("safety_stock"));
        assertEquals(23, second.getInt("reorder_point"));
        assertEquals(20, second.getInt("reorder_quantity"));
        assertEquals("90.00", second.getString("stock_value_at_price"));
    }

    @Test
    void theReportIsOrderedByUrgencyFilteredAndPaged() {
        List<Long> urgent = ids(list("api/analytics/inventory/?category=" + category + "&status=stock_out,at_risk,overstock,"
                + "dead,healthy", admin())).stream().filter(List.of(outOfStock, atRisk, healthy, overstocked, dead)::contains)
                .toList();
        assertEquals(List.of(outOfStock, atRisk, overstocked, dead, healthy), urgent);

        assertEquals(List.of(overstocked), ids(list("api/analytics/inventory/?category=" + category + "&country=France",
                admin())));
        JsonObject french = list("api/analytics/inventory/?category=" + category + "&country=FR", admin()).getJsonObject(0);
        assertEquals(28, french.getInt("units_sold_in_country"));
        assertEquals(List.of(dead), ids(list("api/analytics/inventory/?category=" + category + "&status=dead", admin())));

        try (Response page = request("api/analytics/inventory/?category=" + category + "&limit=2&offset=1", analyst()).get()) {
            assertEquals(200, page.getStatus());
            JsonArray lines = (JsonArray) Api.parse(page.readEntity(String.class));
            assertEquals(2, lines.size());
            assertTrue(Integer.parseInt(page.getHeaderString("X-Total-Count")) >= 5);
            assertTrue(page.getHeaderString("Link").contains("rel=\"next\""), page.getHeaderString("Link"));
        }
        List<Long> byCover = ids(list("api/analytics/inventory/?category=" + category + "&ordering=-days_of_cover", admin()))
                .stream().filter(List.of(outOfStock, healthy, overstocked, dead)::contains).toList();
        assertEquals(List.of(overstocked, healthy, outOfStock, dead), byCover, "unknown cover last either way");
    }

    @Test
    void theReorderListTotalsWhatToOrderNow() {
        JsonObject reorder = getObject("api/analytics/inventory/reorder/?category=" + category + "&limit=1", admin());
        List<JsonObject> all = list("api/analytics/inventory/?category=" + category + "&limit=1000", admin())
                .getValuesAs(JsonObject.class).stream()
                .filter(line -> line.getJsonNumber("reorder_quantity").longValue() > 0).toList();

        assertEquals(all.size(), reorder.getInt("products"));
        assertEquals(all.stream().mapToLong(line -> line.getJsonNumber("reorder_quantity").longValue()).sum(),
                reorder.getJsonNumber("units").longValue());
        assertEquals(all.stream().filter(line -> line.get("reorder_value_at_cost") != JsonValue.NULL)
                        .map(line -> new java.math.BigDecimal(line.getString("reorder_value_at_cost")))
                        .reduce(new java.math.BigDecimal("0.00"), java.math.BigDecimal::add),
                new java.math.BigDecimal(reorder.getString("value_at_cost")));
        assertEquals(all.stream().filter(line -> line.get("cost_price") == JsonValue.NULL).count(),
                reorder.getInt("products_without_cost_price"));
        assertEquals(1, reorder.getJsonArray("lines").size(), "paged");
        assertEquals(outOfStock, reorder.getJsonArray("lines").getJsonObject(0).getJsonNumber("product").longValue());
        assertEquals(today.toString(), reorder.getString("as_of"));
        assertEquals("EUR", reorder.getString("currency"));
    }

    @Test
    void theModelInUseShowsTheBacktestThatChoseIt() {
        JsonObject inUse = getObject("api/analytics/inventory/forecast/", analyst());

        assertTrue(inUse.getInt("id") >= model.getInt("id"), "this one, or one the import's scheduled rebuild made since");
        assertEquals(today.minusDays(1).toString(), inUse.getString("through_date"));
        assertEquals(104, inUse.getInt("weeks_read"));
        JsonObject backtest = inUse.getJsonObject("backtest");
        JsonObject errors = backtest.getJsonObject("mean_absolute_error");
        assertEquals(5, errors.size(), errors.toString());
        double chosen = errors.getJsonNumber(inUse.getString("method")).doubleValue();
        errors.values().forEach(error -> assertTrue(chosen <= ((jakarta.json.JsonNumber) error).doubleValue(), errors.toString()));
        assertEquals(inUse.getString("method"), backtest.getString("chosen"));
        assertTrue(inUse.getInt("products") >= 4);
    }

    @Test
    void stockValueAndMarginCountOnlyWhatHasACostPrice() {
        // On hand 0, 3, 40, 2000, 50 at price 1.80; at cost 4.00 x 0 + 2.50 x 40 + 1.00 x 2000 (two without cost).
        // Sold in the last 28 days: 4 x 28 units at 5.00; cost of goods 28 x (4.00 + 2.50 + 1.00) = 210.00 over the
        // 420.00 of revenue that has a cost price (140.00 has none): margin 210.00, rate 0.5.
        JsonObject value = getObject("api/analytics/inventory/value/?category=" + category, admin());
        JsonObject planned = value.getJsonArray("categories").getJsonObject(0);

        assertEquals(value.getJsonObject("total"), withoutCategory(planned));
        assertEquals(today.minusDays(27).toString(), value.getString("start_date"));
        assertEquals(5, planned.getInt("products"));
        assertEquals(2093, planned.getInt("units_on_hand"));
        assertEquals("3767.40", planned.getString("stock_value_at_price"));
        assertEquals("2100.00", planned.getString("stock_value_at_cost"));
        assertEquals(2, planned.getInt("products_without_cost_price"));
        assertEquals(112, planned.getInt("units_sold"));
        assertEquals("560.00", planned.getString("net_revenue"));
        assertEquals("140.00", planned.getString("net_revenue_without_cost_price"));
        assertEquals("210.00", planned.getString("cost_of_goods_sold"));
        assertEquals("210.00", planned.getString("gross_margin"));
        assertEquals(0.5, planned.getJsonNumber("gross_margin_rate").doubleValue());

        JsonArray margins = list("api/analytics/inventory/margin/?category=" + category, admin());
        assertEquals(List.of(overstocked, healthy, outOfStock, atRisk), ids(margins), "highest margin first, unknown last");
        assertEquals("112.00", margins.getJsonObject(0).getString("gross_margin"));
        assertEquals(0.8, margins.getJsonObject(0).getJsonNumber("gross_margin_rate").doubleValue());
        assertEquals(JsonValue.NULL, margins.getJsonObject(3).get("gross_margin"));
        assertEquals(List.of(outOfStock, healthy, overstocked, atRisk), ids(list("api/analytics/inventory/margin/?category="
                + category + "&ordering=gross_margin_rate", admin())), "by rate 0.2, 0.5, 0.8, unknown last");
        JsonObject lastYear = getObject("api/analytics/inventory/value/?category=" + category + "&start_date="
                + today.minusYears(1) + "&end_date=" + today.minusYears(1).plusDays(6), admin());
        assertEquals(0, lastYear.getJsonArray("categories").getJsonObject(0).getInt("units_sold"));
        assertEquals(JsonValue.NULL, lastYear.getJsonArray("categories").getJsonObject(0).get("gross_margin_rate"));
    }

    @Test
    void theWorkbookHoldsTheReportTheReorderListAndTheCategories() throws java.io.IOException {
        int products;
        try (Response all = request("api/analytics/inventory/?limit=1", admin()).get()) {
            products = Integer.parseInt(all.getHeaderString("X-Total-Count"));
        }
        JsonObject reorder = getObject("api/analytics/inventory/reorder/", admin());
        // A demand forecast built in the background meanwhile (after another test's import) changes the list.
        for (int attempt = 0; attempt < 5 && !reorder.equals(reorderAfterTheWorkbook()); attempt++) {
            reorder = getObject("api/analytics/inventory/reorder/", admin());
        }
        try (Response answer = request("api/export-inventory/", analyst(), "*/*").get()) {
            assertEquals(200, answer.getStatus());
            assertTrue(answer.getHeaderString("Content-Disposition").contains("Inventory_Report_" + today + ".xlsx"));
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                    answer.readEntity(java.io.InputStream.class))) {
                assertEquals(List.of("Summary", "Inventory", "Reorder", "By category"), java.util.stream.IntStream
                        .range(0, book.getNumberOfSheets()).mapToObj(book::getSheetName).toList());
                var inventory = book.getSheet("Inventory");
                assertEquals(products + 1, inventory.getLastRowNum(), "header, a row per product, the total");
                String outSku = getObject("api/products/" + outOfStock + "/", admin()).getString("SKU");
                var row = java.util.stream.IntStream.rangeClosed(1, inventory.getLastRowNum())
                        .mapToObj(inventory::getRow).filter(r -> r.getCell(0).getStringCellValue().equals(outSku))
                        .findFirst().orElseThrow();
                assertEquals("stock_out", row.getCell(3).getStringCellValue());
                assertEquals(0, row.getCell(4).getNumericCellValue());
                var reorderSheet = book.getSheet("Reorder");
                assertEquals(reorder.getInt("products") + 1, reorderSheet.getLastRowNum());
                assertEquals(reorder.getJsonNumber("units").longValue(),
                        (long) reorderSheet.getRow(reorderSheet.getLastRowNum()).getCell(6).getNumericCellValue());
                assertEquals(new java.math.BigDecimal(reorder.getString("value_at_cost")).doubleValue(),
                        reorderSheet.getRow(reorderSheet.getLastRowNum()).getCell(8).getNumericCellValue(), 0.001);
                assertTrue(reorderSheet.getRow(1).getCell(8).getCellStyle().getDataFormatString().contains("[$EUR]"));
            }
        }
        assertJsonError(request("api/export-inventory/?window_days=0", admin()).get(), 400);
    }

    private static JsonObject reorderAfterTheWorkbook() {
        try (Response answer = request("api/export-inventory/", analyst(), "*/*").get()) {
            answer.readEntity(byte[].class);
        }
        return getObject("api/analytics/inventory/reorder/", admin());
    }

    private static JsonObject withoutCategory(JsonObject line) {
        return jakarta.json.Json.createObjectBuilder(line).add("category", JsonValue.NULL).add("category_name",
                JsonValue.NULL).build();
    }

    @Test
    void rebuildsAtOnceLeaveOneWholeModelWhileOrdersGoOn() throws Exception {
        long customer = Store.customer("AT");
        long product = Store.product("2.00", 1_000);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(9);
        try {
            List<java.util.concurrent.Future<Integer>> rebuilds = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                rebuilds.add(pool.submit(() -> {
                    try (Response answer = Api.post("api/analytics/inventory/forecast/rebuild/", admin(), "")) {
                        return answer.getStatus();
                    }
                }));
            }
            java.util.concurrent.Future<List<Integer>> orders = pool.submit(() -> {
                List<Integer> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    try (Response placed = Api.post("api/orders/", admin(), Store.order(customer, product, 1))) {
                        statuses.add(placed.getStatus());
                    }
                }
                return statuses;
            });
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var rebuild : rebuilds) {
                statuses.add(rebuild.get());
            }
            assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 409 || status == 503), statuses.toString());
            assertTrue(statuses.contains(200), statuses.toString());
            assertEquals(java.util.Collections.nCopies(20, 201), orders.get(), "no order waited on or failed for the builds");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(980, Store.stockOf(product));
        JsonObject inUse = getObject("api/analytics/inventory/forecast/", admin());
        Map<Long, JsonObject> lines = byProduct(list("api/analytics/inventory/?category=" + category, admin()));
        assertEquals(inUse.getString("method"), lines.get(healthy).getString("forecast_method"),
                "the products the last model forecast are all in it");
        assertTrue(inUse.getInt("products") >= 4);
    }

    @Test
    void badTermsAndStrangersAreRefused() {
        for (String query : List.of("window_days=0", "window_days=366", "horizon_days=abc", "horizon_days=365",
                "overstock_days=0", "status=sold_out", "ordering=price", "country=Atlantis", "colour=red", "limit=0")) {
            assertJsonError(request("api/analytics/inventory/?" + query, admin()).get(), 400);
        }
        assertJsonError(request("api/analytics/inventory/reorder/?status=nope", admin()).get(), 400);
        for (String query : List.of("value/?start_date=2026-13-01", "value/?start_date=2026-02-01&end_date=2026-01-01",
                "margin/?ordering=price", "margin/?window_days=7", "value/?end_date=2101-01-01")) {
            assertJsonError(request("api/analytics/inventory/" + query, admin()).get(), 400);
        }
        assertJsonError(request("api/analytics/inventory/").get(), 401);
        assertJsonError(request("api/analytics/inventory/forecast/rebuild/", analyst()).post(Entity.json("")), 403);
        for (String body : List.of("\"cost_price\":\"-1.00\"", "\"cost_price\":\"1.005\"", "\"lead_time_days\":0",
                "\"service_level\":\"1.5\"", "\"service_level\":\"0.3\"")) {
            assertJsonError(Api.post("api/products/", admin(), "{\"name\":\"x\",\"SKU\":\"" + unique("S")
                    + "\",\"price\":\"1.00\",\"category\":" + category + "," + body + "}"), 400);
        }
    }

    @Test
    void theReportComesAsCsvToo() {
        try (Response csv = request("api/analytics/inventory/?category=" + category, admin(), "text/csv").get()) {
            assertEquals(200, csv.getStatus());
            String[] rows = csv.readEntity(String.class).split("\r\n");
            assertTrue(rows[0].contains("status") && rows[0].contains("reorder_quantity"), rows[0]);
            assertTrue(rows.length >= 6, String.join("\n", rows));
        }
    }

    private static long soldWeekly(PastSales history, String costPrice, String country) {
        long product = product(costPrice, category);
        String sku = getObject("api/products/" + product + "/", admin()).getString("SKU");
        String customer = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        for (int week = 0; week < 20; week++) {
            LocalDate day = today.minusDays(1 + 7L * week);
            history.line(unique("INV"), sku, 7, day.atTime(12, 0), "5.00", customer, country);
        }
        return product;
    }

    private static long product(String costPrice, long inCategory) {
        return created("api/products/", admin(), "{\"name\":\"" + unique("Item") + "\",\"SKU\":\"" + unique("SKU")
                + "\",\"price\":\"1.80\",\"category\":" + inCategory
                + (costPrice == null ? "" : ",\"cost_price\":\"" + costPrice + "\"") + "}").getInt("id");
    }

    private static void setStock(long product, int quantity) {
        try (Response existing = request("api/inventory/?product=" + product, admin()).get()) {
            JsonArray records = (JsonArray) Api.parse(existing.readEntity(String.class));
            if (records.isEmpty()) {
                created("api/inventory/", admin(), "{\"product\":" + product + ",\"quantity\":" + quantity + "}");
                return;
            }
            long id = records.getJsonObject(0).getJsonNumber("id").longValue();
            try (Response put = Api.put("api/inventory/" + id + "/", admin(), "{\"product\":" + product
                    + ",\"quantity\":" + quantity + "}")) {
                assertEquals(200, put.getStatus());
            }
        }
    }

    private static JsonObject rebuilt() throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            try (Response answer = Api.post("api/analytics/inventory/forecast/rebuild/", admin(), "")) {
                String body = answer.readEntity(String.class);
                if (answer.getStatus() == 200) {
                    return (JsonObject) Api.parse(body);
                }
                assertTrue(answer.getStatus() == 409 || answer.getStatus() == 503, body);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demand model could not be rebuilt within a minute");
    }

    private static JsonArray list(String path, String token) {
        try (Response answer = request(path, token).get()) {
            String body = answer.readEntity(String.class);
            assertEquals(200, answer.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }

    private static Map<Long, JsonObject> byProduct(JsonArray lines) {
        return lines.getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(line -> line.getJsonNumber("product").longValue(), Function.identity()));
    }

    private static List<Long> ids(JsonArray lines) {
        return lines.getValuesAs(JsonObject.class).stream().map(line -> line.getJsonNumber("product").longValue()).toList();
    }

    private static void assertWithinRounding(double units, long whole, JsonObject line) {
        assertTrue(Math.abs(Math.ceil(units - 1e-6) - whole) <= 1, units + " rounds up to about " + whole + ": " + line);
        assertNotNull(line);
    }
}
