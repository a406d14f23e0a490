package com.ecommerce.analytics.imports.boundary;

import static com.ecommerce.analytics.testing.PastSales.money;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.PastSales;
import com.ecommerce.analytics.testing.PastSales.Figures;
import com.ecommerce.analytics.testing.PastSales.Line;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/**
 * Issue #14: history older than every order in the store, then history of a year between it and the rest,
 * are imported whole and counted by every analytics question at once. Both years lie before all other data,
 * so the store's figures for them are the files' figures exactly.
 */
class ImportOfOldHistoryIT {

    private static final String UNCATEGORIZED = "Uncategorized";

    @Test
    void aYearBeforeAllOrdersThenAYearBetweenItAndTheRestAreImportedWholeAndCountedAtOnce() {
        String token = Api.adminToken();
        // decades before the store's first order, as in the issue; a kept test database moves it further back
        int first = Math.min(earliestOrderYear(token) - 2, 1971 + ThreadLocalRandom.current().nextInt(9));
        int second = first + 1;
        String run = Api.unique("O").toUpperCase();
        String categoryName = Api.unique("Lighting");
        long category = Api.created("api/categories/", token, "{\"name\":\"" + categoryName + "\"}").getInt("id");
        String lamp = run + "-LAMP";
        String rug = run + "-RUG";
        String vase = run + "-VASE";
        product(lamp, "40.00", category, token);
        product(rug, "130.00", category, token);
        long anna = customerReference();
        long bert = customerReference();
        long cleo = customerReference();

        PastSales older = new PastSales()
                .line("I1" + run, lamp, 2, at(first, Month.FEBRUARY, 10, 10, 0), "35.50", "" + anna, "United Kingdom")
                .line("I1" + run, vase, 4, at(first, Month.FEBRUARY, 10, 10, 0), "7.25", "" + anna, "United Kingdom")
                .line("I2" + run, rug, 1, at(first, Month.FEBRUARY, 20, 11, 0), "120.00", "" + bert, "Germany")
                .line("I3" + run, lamp, 1, at(first, Month.MAY, 3, 9, 30), "35.50", "" + anna, "United Kingdom")
                .line("I3" + run, rug, 2, at(first, Month.MAY, 3, 9, 30), "120.00", "" + anna, "United Kingdom")
                .line("I3" + run, vase, 1, at(first, Month.MAY, 3, 9, 30), "7.25", "" + anna, "United Kingdom")
                // refunds the lamp and a rug of I3, the latest order of each: one refund
                .line("C4" + run, lamp, -1, at(first, Month.JUNE, 15, 14, 0), "35.50", "" + anna, "United Kingdom")
                .line("C4" + run, rug, -1, at(first, Month.JUNE, 15, 14, 0), "120.00", "" + anna, "United Kingdom");
        PastSales between = new PastSales()
                .line("J1" + run, lamp, 3, at(second, Month.MARCH, 1, 10, 0), "36.00", "" + bert, "Germany")
                .line("J1" + run, vase, 2, at(second, Month.MARCH, 1, 10, 0), "7.25", "" + bert, "Germany")
                // 22:30 in New York is April 1 in UTC; it counts on March 31
                .line("J2" + run, rug, 1, at(second, Month.MARCH, 31, 22, 30), "119.99", "" + cleo, "France")
                .line("CJ3" + run, vase, -2, at(second, Month.APRIL, 2, 12, 0), "7.25", "" + bert, "Germany");

        JsonObject report = imported(older, token);
        assertCounts(report, 8, 3, 6, 1, 2, 1);
        System.out.printf("imported %d, then %d%n", first, second);
        assertYear(older, first, categoryName, Set.of(lamp, rug), token);

        assertAll(
                () -> {
                    JsonObject secondReport = imported(between, token);
                    assertCounts(secondReport, 4, 2, 3, 1, 1, 0);
                },
                () -> assertYear(between, second, categoryName, Set.of(lamp, rug), token),
                () -> assertYear(older, first, categoryName, Set.of(lamp, rug), token),
                () -> {
                    JsonObject series = series(second, token);
                    assertEquals(2, series.getJsonObject("totals").getInt("customers"), series.toString());
                    assertEquals(1, series.getJsonObject("totals").getInt("new_customers"), "Bert bought the year before");
                    assertEquals(1, series.getJsonObject("totals").getInt("returning_customers"), series.toString());
                },
                () -> {
                    try (Response response = Api.post("api/analytics/rebuild/", token, "")) {
                        String body = response.readEntity(String.class);
                        assertEquals(200, response.getStatus(), body);
                        assertEquals(0, ((JsonObject) Api.parse(body)).getInt("differences"), body);
                    }
                });
    }

    private static LocalDateTime at(int year, Month month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute);
    }

    private static int earliestOrderYear(String token) {
        try (Response response = Api.request("api/orders/?ordering=order_date&limit=1", token).get()) {
            JsonArray orders = (JsonArray) Api.parse(response.readEntity(String.class));
            return orders.isEmpty() ? OffsetDateTime.now().getYear()
                    : OffsetDateTime.parse(orders.getJsonObject(0).getString("order_date")).getYear();
        }
    }

    private static void product(String sku, String price, long category, String token) {
        Api.created("api/products/", token, "{\"name\":\"" + Api.unique("Item") + "\",\"SKU\":\"" + sku + "\",\"price\":\""
                + price + "\",\"category\":" + category + "}");
    }

    private static long customerReference() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    private static JsonObject imported(PastSales file, String token) {
        try (Response response = Api.request("api/import/orders/", token).post(Entity.entity(file.csv(), "text/csv"))) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonObject) Api.parse(body);
        }
    }

    private static void assertCounts(JsonObject report, int rows, int orders, int items, int refunds, int customers,
                                     int products) {
        String all = report.toString();
        assertEquals(rows, report.getInt("rows_read"), all);
        assertEquals(orders, report.getInt("orders_created"), all);
        assertEquals(items, report.getInt("items_created"), all);
        assertEquals(refunds, report.getInt("refunds_created"), all);
        assertEquals(customers, report.getInt("customers_created"), all);
        assertEquals(products, report.getInt("products_created"), all);
        assertEquals(0, report.getInt("rows_rejected"), all);
    }

    /** The year's figures by product, top seller, category and month are the file's. */
    private static void assertYear(PastSales file, int year, String categoryName, Set<String> inCategory, String token) {
        String range = "&start_date=" + year + "-01-01&end_date=" + year + "-12-31";
        List<String> skus = file.lines().stream().map(Line::sku).distinct().sorted().toList();

        Map<String, String> products = new TreeMap<>();
        for (JsonObject row : sales("type=revenue_by_product&limit=1000" + range, token).getValuesAs(JsonObject.class)) {
            products.put(row.getString("SKU").toUpperCase(), row.getInt("units_sold") + " units, gross "
                    + row.getString("gross_sales") + ", refunds " + row.getString("refunds") + ", net "
                    + row.getString("total_revenue"));
        }
        Map<String, String> expectedProducts = new TreeMap<>();
        for (String sku : skus) {
            Figures f = file.of(line -> line.sku().equals(sku));
            expectedProducts.put(sku, f.units() + " units, gross " + money(f.gross()) + ", refunds " + money(f.refunds())
                    + ", net " + money(f.net()));
        }
        assertEquals(expectedProducts, products, "revenue_by_product in " + year);

        for (String country : file.lines().stream().map(Line::country).distinct().toList()) {
            Map<String, String> top = new TreeMap<>();
            for (JsonObject row : sales("type=top_selling_products&limit=100&country=" + country.replace(" ", "%20") + range,
                    token).getValuesAs(JsonObject.class)) {
                top.put(row.getString("SKU").toUpperCase(), row.getInt("total_sales") + " units, " + row.getString("revenue"));
            }
            Map<String, String> expectedTop = new TreeMap<>();
            for (String sku : skus) {
                Figures f = file.of(line -> line.sku().equals(sku) && line.country().equals(country));
                if (f.units() > 0) {
                    expectedTop.put(sku, f.units() + " units, " + money(f.net()));
                }
            }
            assertEquals(expectedTop, top, "top_selling_products in " + country + " in " + year);
        }

        Map<String, String> categories = new TreeMap<>();
        for (JsonObject row : sales("type=revenue_by_category" + range, token).getValuesAs(JsonObject.class)) {
            categories.put(row.getString("category_name"), category(row.getInt("units_sold"), row.getString("gross_sales"),
                    row.getString("refunds"), row.getString("total_revenue"), row.getInt("orders"), row.getInt("order_lines")));
        }
        Map<String, String> expectedCategories = new TreeMap<>();
        expectedCategories.put(categoryName, category(file.of(line -> inCategory.contains(line.sku()))));
        expectedCategories.put(UNCATEGORIZED, category(file.of(line -> !inCategory.contains(line.sku()))));
        assertEquals(expectedCategories, categories, "revenue_by_category in " + year);

        JsonObject series = series(year, token);
        Map<String, String> months = new TreeMap<>();
        for (JsonObject bucket : series.getJsonArray("buckets").getValuesAs(JsonObject.class)) {
            months.put(bucket.getString("start_date"), month(bucket.getInt("units_sold"), bucket.getString("gross_sales"),
                    bucket.getString("refunds"), bucket.getString("net_revenue"), bucket.getInt("orders")));
        }
        Map<String, String> expectedMonths = new TreeMap<>();
        for (Month month : Month.values()) {
            Figures f = file.of(line -> line.at().getMonth() == month);
            expectedMonths.put(year + "-" + String.format("%02d", month.getValue()) + "-01",
                    month(f.units(), money(f.gross()), money(f.refunds()), money(f.net()), f.orders()));
        }
        assertEquals(expectedMonths, months, "revenue_over_time by month in " + year);
        Figures all = file.of(line -> true);
        JsonObject totals = series.getJsonObject("totals");
        assertEquals(month(all.units(), money(all.gross()), money(all.refunds()), money(all.net()), all.orders()),
                month(totals.getInt("units_sold"), totals.getString("gross_sales"), totals.getString("refunds"),
                        totals.getString("net_revenue"), totals.getInt("orders")), "revenue_over_time totals of " + year);
        assertEquals(all.customers(), totals.getInt("customers"), "customers who bought in " + year);
    }

    private static String category(Figures f) {
        return category(f.units(), money(f.gross()), money(f.refunds()), money(f.net()), f.orders(), f.lines());
    }

    private static String category(long units, String gross, String refunds, String net, long orders, long lines) {
        return units + " units, gross " + gross + ", refunds " + refunds + ", net " + net + ", " + orders + " orders, "
                + lines + " lines";
    }

    private static String month(long units, String gross, String refunds, String net, long orders) {
        return units + " units, gross " + gross + ", refunds " + refunds + ", net " + net + ", " + orders + " orders";
    }

    private static JsonObject series(int year, String token) {
        try (Response response = Api.request("api/analytics/sales/?type=revenue_over_time&interval=month&start_date=" + year
                + "-01-01&end_date=" + year + "-12-31", token).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonObject) Api.parse(body);
        }
    }

    private static JsonArray sales(String query, String token) {
        try (Response response = Api.request("api/analytics/sales/?" + query, token).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }
}
