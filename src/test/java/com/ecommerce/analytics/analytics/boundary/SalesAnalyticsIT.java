package com.ecommerce.analytics.analytics.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.Api.unique;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * A hand-computed store in January-March 2020 (before the demo data begins). The test server's store
 * time zone is America/New_York, so 23:30 there on January 31 is February 1 in UTC.
 */
class SalesAnalyticsIT {

    private static long gadgets;
    private static long books;
    private static String gadgetsName;
    private static String booksName;
    private static long phone;
    private static long tablet;
    private static long novel;
    private static JsonObject seriesBefore;
    private static JsonArray countriesBefore;

    @BeforeAll
    static void store() {
        Store.analyticsCaughtUp();
        // Other runs and tests may have sold in these months too (the test database may be kept): the
        // assertions on shared dimensions (countries, days) compare with what was there before.
        seriesBefore = series("interval=day");
        countriesBefore = sales("type=revenue_by_country&start_date=2020-01-01&end_date=2020-03-31");
        gadgetsName = unique("Gadgets");
        booksName = unique("Books");
        gadgets = created("api/categories/", admin(), "{\"name\":\"" + gadgetsName + "\"}").getInt("id");
        books = created("api/categories/", admin(), "{\"name\":\"" + booksName + "\"}").getInt("id");
        phone = product("Phone", "100.00", gadgets);
        tablet = product("Tablet", "250.00", gadgets);
        novel = product("Novel", "10.00", books);
        long anna = Store.customer("GB");
        long bert = Store.customer("DE");
        // January 31, 23:30 in New York: counts on January 31.
        order(anna, "2020-02-01T04:30:00Z", "delivered", phone, 2, tablet, 1);
        // February 29 (leap day), noon in New York.
        long leap = order(bert, "2020-02-29T17:00:00Z", "delivered", phone, 1, novel, 3);
        // Canceled: never counts.
        long canceled = order(anna, "2020-02-10T15:00:00Z", "pending", tablet, 4, novel, 1);
        Api.patch("api/orders/" + canceled, admin(), "{\"status\":\"canceled\"}").close();
        // A refund of the leap-day order on March 2.
        created("api/orders/" + leap + "/refunds/", admin(), "{\"refund_date\":\"2020-03-02T15:00:00Z\","
                + "\"items\":[{\"product\":" + novel + ",\"quantity\":1}]}");
    }

    private static long product(String name, String price, long category) {
        long id = created("api/products/", admin(), "{\"name\":\"" + name + "\",\"SKU\":\"" + unique(name)
                + "\",\"price\":\"" + price + "\",\"category\":" + category + "}").getInt("id");
        created("api/inventory/", admin(), "{\"product\":" + id + ",\"quantity\":100}");
        return id;
    }

    private static long order(long customer, String date, String status, long product, int quantity, long other,
                              int otherQuantity) {
        long order = created("api/orders/", admin(), "{\"customer\":" + customer + ",\"order_date\":\"" + date
                + "\",\"items\":[{\"product\":" + product + ",\"quantity\":" + quantity + "},{\"product\":"
                + other + ",\"quantity\":" + otherQuantity + "}]}").getInt("id");
        Store.advance(order, status);
        return order;
    }

    private static JsonArray sales(String query) {
        try (Response response = request("api/analytics/sales/?" + query, analyst()).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }

    private static JsonObject category(JsonArray rows, String name) {
        return rows.stream().map(JsonObject.class::cast).filter(r -> r.getString("category_name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + rows));
    }

    @Test
    void revenueByCategoryIsQuantityTimesPriceOnStoreDaysWithoutCanceledOrders() {
        JsonArray january31 = sales("type=revenue_by_category&start_date=2020-01-31&end_date=2020-01-31");
        assertEquals("450.00", category(january31, gadgetsName).getString("total_revenue"), "2 x 100 + 1 x 250");
        assertEquals(3, category(january31, gadgetsName).getInt("units_sold"));
        assertEquals(2, category(january31, gadgetsName).getInt("order_lines"), "a phone line and a tablet line");
        assertEquals(1, category(january31, gadgetsName).getInt("orders"), "one order bought both");
        JsonArray february = sales("type=revenue_by_category&start_date=2020-02-01&end_date=2020-02-29");
        assertEquals("100.00", category(february, gadgetsName).getString("total_revenue"), "the leap day; not Jan 31");
        assertEquals("30.00", category(february, booksName).getString("total_revenue"), "3 x 10; the canceled order not");
        assertEquals(1, category(february, booksName).getInt("orders"), "the canceled order not");
    }

    @Test
    void categoryOrdersFollowTheLinesOfPendingOrdersAndProductsMovingCategory() {
        String firstName = unique("Kitchen");
        String secondName = unique("Garden");
        long first = created("api/categories/", admin(), "{\"name\":\"" + firstName + "\"}").getInt("id");
        long second = created("api/categories/", admin(), "{\"name\":\"" + secondName + "\"}").getInt("id");
        long pan = product("Pan", "30.00", first);
        long pot = product("Pot", "40.00", first);
        long hose = product("Hose", "20.00", second);
        long order = created("api/orders/", admin(), "{\"customer\":" + Store.customer("US") + ",\"order_date\":"
                + "\"2019-06-10T16:00:00Z\",\"items\":[{\"product\":" + pan + ",\"quantity\":1}]}").getInt("id");
        long potLine = created("api/order-items/", admin(), "{\"order\":" + order + ",\"product\":" + pot
                + ",\"quantity\":1}").getInt("id");
        created("api/order-items/", admin(), "{\"order\":" + order + ",\"product\":" + hose + ",\"quantity\":1}");
        String day = "type=revenue_by_category&start_date=2019-06-10&end_date=2019-06-10";
        assertEquals(1, category(sales(day), firstName).getInt("orders"), "a pan and a pot: one order");
        assertEquals(2, category(sales(day), firstName).getInt("order_lines"));
        assertEquals(1, category(sales(day), secondName).getInt("orders"));

        long panLine = Api.getObjectFromList("api/order-items/?order=" + order + "&product=" + pan, admin()).getInt("id");
        Api.delete("api/order-items/" + panLine + "/", admin()).close();
        assertEquals(1, category(sales(day), firstName).getInt("orders"), "the pot is still in it");
        Api.delete("api/order-items/" + potLine + "/", admin()).close();
        assertTrue(sales(day).stream().map(JsonObject.class::cast).noneMatch(r -> r.getString("category_name")
                .equals(firstName)), "nothing of the first category is left in the order");

        Api.patch("api/products/" + hose + "/", admin(), "{\"category\":" + first + "}").close();
        assertEquals(1, category(sales(day), firstName).getInt("orders"), "the hose moved, with its order");
        assertTrue(sales(day).stream().map(JsonObject.class::cast).noneMatch(r -> r.getString("category_name")
                .equals(secondName)));
        try (Response response = Api.post("api/analytics/rebuild/", admin(), "")) {
            assertEquals(0, Api.object(response).getInt("differences"));
        }
    }

    @Test
    void refundsAreNettedOnTheirOwnDate() {
        JsonArray march = sales("type=revenue_by_category&start_date=2020-03-01&end_date=2020-03-31");
        JsonObject novels = category(march, booksName);
        assertEquals("-10.00", novels.getString("total_revenue"));
        assertEquals("10.00", novels.getString("refunds"));
        JsonArray quarter = sales("type=revenue_by_category&start_date=2020-01-01&end_date=2020-03-31");
        assertEquals("20.00", category(quarter, booksName).getString("total_revenue"));
        assertEquals("550.00", category(quarter, gadgetsName).getString("total_revenue"));
    }

    /** Our products' rows; other runs of this test may have sold in the same months (the test database is kept). */
    private static JsonObject row(JsonArray top, long product) {
        return top.stream().map(JsonObject.class::cast).filter(r -> r.getInt("id") == product).findFirst()
                .orElseThrow(() -> new AssertionError("product " + product + " not in " + top));
    }

    private static int rank(JsonArray top, long product) {
        return top.indexOf(row(top, product));
    }

    @Test
    void topSellingProductsRankByUnitsInACountryGivenByCodeNameOrAlias() {
        for (String country : List.of("GB", "UK", "United%20Kingdom", "gb")) {
            JsonArray top = sales("type=top_selling_products&country=" + country
                    + "&start_date=2020-01-01&end_date=2020-03-31&limit=100");
            assertEquals(2, row(top, phone).getInt("total_sales"), country);
            assertEquals("200.00", row(top, phone).getString("revenue"));
            assertEquals(1, row(top, tablet).getInt("total_sales"), "the canceled order's 4 tablets do not count");
            assertTrue(rank(top, phone) < rank(top, tablet));
            assertTrue(top.stream().noneMatch(r -> ((JsonObject) r).getInt("id") == novel), "novels sold in Germany");
            for (int i = 1; i < top.size(); i++) {
                assertTrue(top.getJsonObject(i - 1).getInt("total_sales") >= top.getJsonObject(i).getInt("total_sales"));
            }
        }
        JsonArray germany = sales("type=top_selling_products&country=Germany&start_date=2020-01-01&end_date=2020-03-31&limit=100");
        assertEquals(3, row(germany, novel).getInt("total_sales"));
        assertEquals("20.00", row(germany, novel).getString("revenue"), "3 x 10 less the refund of 10 in March");
        assertTrue(rank(germany, novel) < rank(germany, phone), "3 novels beat 1 phone");
        assertEquals(1, sales("type=top_selling_products&country=DE&start_date=2020-01-01&end_date=2020-03-31&limit=1").size());
    }

    @Test
    void churnRateStatesItsDefinitionAndCounts() {
        try (Response response = request("api/analytics/sales/?type=churn_rate", analyst()).get()) {
            JsonObject churn = Api.object(response);
            double rate = churn.getJsonNumber("churn_rate").doubleValue();
            assertTrue(rate >= 0 && rate <= 1);
            assertEquals(30, churn.getInt("period_days"));
            assertEquals(churn.getInt("customers") - churn.getInt("retained"), churn.getInt("churned"));
            assertTrue(churn.getString("definition").startsWith("inactive"));
        }
        try (Response response = request("api/analytics/sales/?type=churn_rate&definition=cohort&period_days=90", analyst()).get()) {
            assertTrue(Api.object(response).getString("definition").startsWith("cohort"));
        }
    }

    @Test
    void theAggregatesAgreeExactlyWithARebuildFromTheOrderLines() {
        try (Response response = Api.post("api/analytics/rebuild/", admin(), "")) {
            JsonObject result = Api.object(response);
            assertEquals(0, result.getInt("differences"), result.toString());
            assertTrue(result.getInt("sales_rows") > 0);
        }
        revenueByCategoryIsQuantityTimesPriceOnStoreDaysWithoutCanceledOrders();
        try (Response response = Api.post("api/analytics/rebuild/", analyst(), "")) {
            assertJsonError(response, 403);
        }
    }

    @Test
    void badQuestionsAre400() {
        for (String query : List.of("", "type=nonsense", "type=revenue_by_category&start_date=2020-01-01",
                "type=revenue_by_category&start_date=2020-02-30&end_date=2020-03-01",
                "type=revenue_by_category&start_date=2020-03-01&end_date=2020-02-01",
                "type=top_selling_products&start_date=2020-01-01&end_date=2020-01-31",
                "type=top_selling_products&country=Atlantis&start_date=2020-01-01&end_date=2020-01-31",
                "type=churn_rate&period_days=0", "type=churn_rate&definition=vibes",
                "type=revenue_over_time&start_date=2020-01-01&end_date=2020-01-31&interval=fortnight",
                "type=revenue_by_country&start_date=2020-01-01&end_date=2020-01-31&compare=last_week",
                "type=revenue_over_time&start_date=1900-01-01&end_date=2020-01-31&interval=day")) {
            try (Response response = request("api/analytics/sales/?" + query, analyst()).get()) {
                assertJsonError(response, 400);
            }
        }
        try (Response response = request("api/analytics/sales/?type=churn_rate").get()) {
            assertJsonError(response, 401);
        }
    }

    private static JsonObject series(String query) {
        return series(query, "&start_date=2020-01-30&end_date=2020-03-31");
    }

    private static JsonObject series(String query, String dates) {
        try (Response response = request("api/analytics/sales/?type=revenue_over_time" + dates + "&" + query,
                analyst()).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonObject) Api.parse(body);
        }
    }

    private static BigDecimal money(JsonObject object, String field) {
        return new BigDecimal(object.getString(field));
    }

    private static JsonObject bucket(JsonObject series, String period) {
        return series.getJsonArray("buckets").stream().map(JsonObject.class::cast)
                .filter(b -> b.getString("period").equals(period)).findFirst().orElseThrow();
    }

    private static BigDecimal delta(JsonObject after, JsonObject before, String field) {
        return money(after, field).subtract(money(before, field));
    }

    @Test
    void revenueOverTimeHasEveryBucketAndCountsEachSaleOnItsStoreDay() {
        JsonObject days = series("interval=day");
        assertEquals(62, days.getJsonArray("buckets").size(), "Jan 30 to Mar 31 2020, every day, zeros included");
        JsonObject jan31 = bucket(days, "2020-01-31");
        assertEquals(new BigDecimal("450.00"), delta(jan31, bucket(seriesBefore, "2020-01-31"), "net_revenue"));
        assertEquals(1, jan31.getInt("orders") - bucket(seriesBefore, "2020-01-31").getInt("orders"));
        assertEquals(new BigDecimal("0.00"), delta(bucket(days, "2020-02-01"), bucket(seriesBefore, "2020-02-01"), "net_revenue"),
                "04:30 UTC on Feb 1 is still Jan 31 in New York");
        assertEquals(new BigDecimal("130.00"), delta(bucket(days, "2020-02-29"), bucket(seriesBefore, "2020-02-29"), "gross_sales"));
        assertEquals(new BigDecimal("10.00"), delta(bucket(days, "2020-03-02"), bucket(seriesBefore, "2020-03-02"), "refunds"));

        JsonObject totals = days.getJsonObject("totals");
        JsonObject totalsBefore = seriesBefore.getJsonObject("totals");
        assertEquals(new BigDecimal("580.00"), delta(totals, totalsBefore, "gross_sales"));
        assertEquals(new BigDecimal("570.00"), delta(totals, totalsBefore, "net_revenue"));
        assertEquals(2, totals.getInt("orders") - totalsBefore.getInt("orders"));
        assertEquals(7, totals.getInt("units_sold") - totalsBefore.getInt("units_sold"));
        assertEquals(2, totals.getInt("new_customers") - totalsBefore.getInt("new_customers"));
        assertEquals(new BigDecimal("112.80"), delta(totals, totalsBefore, "tax"), "GB 450 x 20% + DE (130 - 10) x 19%");

        JsonObject months = series("interval=month");
        assertEquals(List.of("2020-01", "2020-02", "2020-03"), months.getJsonArray("buckets").stream()
                .map(b -> ((JsonObject) b).getString("period")).toList());
        assertEquals("2020-01-30", months.getJsonArray("buckets").getJsonObject(0).getString("start_date"));
    }

    @Test
    void revenueByCountryAndByProductAndComparisons() {
        JsonArray countries = sales("type=revenue_by_country&start_date=2020-01-01&end_date=2020-03-31");
        assertEquals(new BigDecimal("450.00"), countryRevenue(countries, "GB").subtract(countryRevenue(countriesBefore, "GB")));
        assertEquals(new BigDecimal("120.00"), countryRevenue(countries, "DE").subtract(countryRevenue(countriesBefore, "DE")));

        JsonArray products = sales("type=revenue_by_product&start_date=2020-01-01&end_date=2020-03-31&limit=1000");
        JsonObject phoneRow = row(products, phone);
        assertEquals("300.00", phoneRow.getString("total_revenue"));
        assertEquals(3, phoneRow.getInt("units_sold"));
        assertEquals(2, phoneRow.getInt("orders"));
        assertEquals(gadgetsName, phoneRow.getString("category_name"));

        JsonArray compared = sales("type=revenue_by_category&start_date=2020-02-01&end_date=2020-02-29&compare=previous_period");
        JsonObject gadgetsRow = category(compared, gadgetsName);
        assertEquals("450.00", gadgetsRow.getString("previous_total_revenue"), "Jan 3 - Jan 31, the 29 days before");
        assertEquals("-77.8", gadgetsRow.getString("change_percent"), "100 against 450");
        JsonArray lastYear = sales("type=revenue_by_category&start_date=2020-02-01&end_date=2020-02-29&compare=previous_year");
        assertEquals("0.00", category(lastYear, gadgetsName).getString("previous_total_revenue"));
        assertTrue(category(lastYear, gadgetsName).isNull("change_percent"), "no change from nothing");

        JsonObject withComparison = series("interval=quarter&compare=previous_year");
        assertEquals("2019-01-30", withComparison.getJsonObject("comparison").getString("start_date"));
    }

    private static BigDecimal countryRevenue(JsonArray rows, String country) {
        return rows.stream().map(JsonObject.class::cast).filter(r -> r.getString("country").equals(country))
                .map(r -> new BigDecimal(r.getString("total_revenue"))).findFirst().orElse(BigDecimal.ZERO.setScale(2));
    }

    /**
     * Products and categories are read from whole years, months and days of product rows, countries and totals
     * from day x country rows: over the demo data, both must give the same totals for ranges that start and end
     * on and between month and year boundaries, and end today.
     */
    @Test
    void everyBreakdownAddsUpToTheSameTotalsOverAnyRange() {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        LocalDate monday = today.minusWeeks(3).with(DayOfWeek.MONDAY);
        for (LocalDate[] range : new LocalDate[][] {{today.minusDays(29), today}, {monday, monday.plusWeeks(1)},
                {monday.plusDays(3), monday.plusDays(3)}, {today.minusMonths(7).withDayOfMonth(1), today.minusMonths(1)},
                {today.minusYears(2).plusDays(5), today.minusDays(40)}}) {
            String dates = "&start_date=" + range[0] + "&end_date=" + range[1];
            JsonObject totals = series("interval=month", dates).getJsonObject("totals");
            JsonArray products = sales("type=revenue_by_product&limit=1000" + dates);
            assertTrue(products.size() < 1000, "every product listed");
            JsonArray categories = sales("type=revenue_by_category" + dates);
            JsonArray countries = sales("type=revenue_by_country" + dates);
            for (String field : List.of("gross_sales", "refunds")) {
                String what = field + " " + range[0] + ".." + range[1];
                assertEquals(money(totals, field), sum(products, field), what + " by product");
                assertEquals(money(totals, field), sum(categories, field), what + " by category");
                assertEquals(money(totals, field), sum(countries, field), what + " by country");
            }
            assertEquals(totals.getInt("units_sold"), products.stream().mapToInt(r -> ((JsonObject) r).getInt("units_sold")).sum());
            assertEquals(totals.getInt("orders"), countries.stream().mapToInt(r -> ((JsonObject) r).getInt("orders")).sum());
        }
    }

    private static BigDecimal sum(JsonArray rows, String field) {
        return rows.stream().map(r -> money((JsonObject) r, field)).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
