package com.ecommerce.analytics.platform.hostile;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.RawHttp;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Careless or hostile input is refused with a clear JSON error and changes nothing (issue #16, silent corruption). */
class HostileInputIT {

    private static JsonObject refused(Response response, int status) {
        try (response) {
            return assertJsonError(response, status);
        }
    }

    private static void assertNamesField(JsonObject error, String field) {
        assertTrue(error.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .anyMatch(named -> named.getString("field").endsWith(field)), field + " named in " + error);
    }

    private static int ordersOf(long customer) {
        try (Response response = request("api/orders/?customer=" + customer, admin()).get()) {
            return Integer.parseInt(response.getHeaderString("X-Total-Count"));
        }
    }

    @Test
    void numbersThatDoNotFitOrAreNotWholeAreRefusedNamingTheFieldAndNothingChanges() {
        long product = Store.product("5.00", 150);
        long customer = Store.customer("NL");
        JsonObject stock = Api.getObjectFromList("api/inventory/?product=" + product, admin());

        assertNamesField(refused(Api.patch("api/inventory/" + stock.getInt("id") + "/", admin(),
                "{\"quantity\":4294967446}"), 400), "quantity");
        assertEquals(150, Store.stockOf(product), "not wrapped to 150 + anything");
        for (String quantity : List.of("4294967297", "1.5", "-2147483649", "1e3000")) {
            JsonObject error = refused(Api.post("api/orders/", admin(), "{\"customer\":" + customer + ",\"items\":[{\"product\":"
                    + product + ",\"quantity\":" + quantity + "}]}"), 400);
            assertNamesField(error, "quantity");
        }
        assertEquals(0, ordersOf(customer));
        assertEquals(150, Store.stockOf(product));

        long order = created("api/orders/", admin(), Store.order(customer, product, 2)).getInt("id");
        assertNamesField(refused(Api.post("api/orders/" + order + "/refunds/", admin(),
                "{\"items\":[{\"product\":" + product + ",\"quantity\":4294967297}]}"), 400), "quantity");
        assertNamesField(refused(Api.post("api/products/", admin(), "{\"name\":\"Lamp\",\"SKU\":\"" + Api.unique("L")
                + "\",\"price\":\"1.00\",\"category\":9223372036854775808}"), 400), "category");
        try (Response refunds = request("api/orders/" + order + "/refunds/", admin()).get()) {
            assertEquals("[]", refunds.readEntity(String.class).replace(" ", ""));
        }
    }

    @Test
    void datesOutsideTheStoresWindowAndAStatusSkippingTheLifecycleAreRefused() {
        long product = Store.product("5.00", 100);
        long customer = Store.customer("BE");
        for (String date : List.of("+999999999-12-31T23:59:59Z", "1900-01-01T00:00:00Z", "2099-01-01T00:00:00Z")) {
            JsonObject error = refused(Api.post("api/orders/", admin(), "{\"customer\":" + customer + ",\"order_date\":\""
                    + date + "\",\"items\":[{\"product\":" + product + ",\"quantity\":1}]}"), 400);
            assertTrue(error.toString().contains("order_date") || error.getString("message").contains("JSON"),
                    date + ": " + error);
        }
        assertNamesField(refused(Api.post("api/orders/", admin(), "{\"customer\":" + customer + ",\"status\":\"delivered\","
                + "\"items\":[{\"product\":" + product + ",\"quantity\":1}]}"), 400), "status");
        assertEquals(0, ordersOf(customer));
        assertEquals(100, Store.stockOf(product));

        long order = created("api/orders/", admin(), "{\"customer\":" + customer + ",\"order_date\":\"2024-03-01T10:00:00Z\","
                + "\"items\":[{\"product\":" + product + ",\"quantity\":2}]}").getInt("id");
        for (String date : List.of("2099-01-01T00:00:00Z", "2024-02-29T10:00:00Z")) {
            assertNamesField(refused(Api.post("api/orders/" + order + "/refunds/", admin(), "{\"refund_date\":\"" + date
                    + "\",\"items\":[{\"product\":" + product + ",\"quantity\":1}]}"), 400), "refund_date");
        }
        assertNamesField(refused(Api.patch("api/orders/" + order + "/", admin(), "{\"order_date\":\"1969-12-31T00:00:00Z\"}"),
                400), "order_date");
        JsonObject stored = Api.getObject("api/orders/" + order + "/", admin());
        assertEquals("2024-03-01T10:00:00Z", stored.getString("order_date"));
        assertEquals("pending", stored.getString("status"));
    }

    @Test
    void aBodyWithASecondValueALoneSurrogateOrTooManyBytesIsRefusedWhole() {
        String name = Api.unique("Cat");
        assertTrue(refused(Api.post("api/categories/", admin(), "{\"name\":\"" + name + "\"}{\"name\":\"" + name + "x\"}"), 400)
                .getString("message").contains("JSON"));
        refused(Api.post("api/categories/", admin(), "{\"name\":\"" + name + "\\ud800\"}"), 400);
        try (Response categories = request("api/categories/?limit=1000", admin()).get()) {
            JsonArray all = (JsonArray) Api.parse(categories.readEntity(String.class));
            assertTrue(all.getValuesAs(JsonObject.class).stream().noneMatch(c -> c.getString("name").startsWith(name)),
                    "nothing created");
        }
        String huge = "{\"name\":\"x\",\"padding\":\"" + "a".repeat(1_100_000) + "\"}";
        JsonObject tooLarge = refused(request("api/categories/", admin()).post(Entity.entity(huge,
                MediaType.APPLICATION_JSON_TYPE)), 413);
        assertTrue(tooLarge.getString("message").contains("1024 KB"), tooLarge.toString());
    }

    @Test
    void queryParametersThatDoNotFitTheirTypeAreA400NamingTheParameter() {
        for (String[] bad : new String[][] {{"api/orders/?limit=abc", "limit"}, {"api/orders/?offset=99999999999", "offset"},
            {"api/products/?category_id=x", "category_id"}}) {
            JsonObject error = refused(request(bad[0], admin()).get(), 400);
            assertNamesField(error, bad[1]);
        }
    }

    @Test
    void anOrderBeyondTheLargestTotalIsA422StatingTheLimitAndStoresNothing() {
        long lamp = Store.product("9999999999.99", 10);
        long customer = Store.customer("LU");
        JsonObject error = refused(Api.post("api/orders/", admin(), "{\"customer\":" + customer + ",\"items\":[{\"product\":"
                + lamp + ",\"quantity\":2}]}"), 422);
        assertTrue(error.getString("message").contains("9,999,999,999.99"), error.toString());
        assertEquals(0, ordersOf(customer));
        assertEquals(10, Store.stockOf(lamp));

        long order = created("api/orders/", admin(), Store.order(customer, lamp, 1)).getInt("id");
        JsonObject line = Api.getObjectFromList("api/order-items/?order=" + order, admin());
        refused(Api.patch("api/order-items/" + line.getInt("id") + "/", admin(), "{\"quantity\":3}"), 422);
        assertEquals(9, Store.stockOf(lamp), "the line kept its one unit");
    }

    @Test
    void aParameterTheOperationDoesNotTakeIsA400ListingTheOnesItDoes() {
        JsonObject byCategory = refused(request("api/analytics/sales/?type=revenue_by_category&start_date=2024-01-01"
                + "&end_date=2024-12-31&country=DE", admin()).get(), 400);
        assertNamesField(byCategory, "country");
        assertTrue(byCategory.getString("message").contains("start_date, end_date")
                || byCategory.getString("message").contains("compare, end_date"), byCategory.toString());
        JsonObject churn = refused(request("api/analytics/sales/?type=churn_rate&interval=week", admin()).get(), 400);
        assertTrue(churn.getString("message").contains("definition, period_days"), churn.toString());
        JsonObject products = refused(request("api/products/?colour=red&size=9", admin()).get(), 400);
        assertNamesField(products, "colour");
        assertNamesField(products, "size");
        assertTrue(products.getString("message").contains("limit"), "the paging parameters are listed: " + products);
        try (Response legacy = request("api/products/?format=json&limit=1", admin()).get()) {
            assertEquals(200, legacy.getStatus(), "the earlier service's ?format=json still works");
        }
        try (Response topSellers = request("api/analytics/sales/?type=top_selling_products&country=DE&start_date=2024-01-01"
                + "&end_date=2024-12-31&limit=5", admin()).get()) {
            assertEquals(200, topSellers.getStatus());
        }
    }

    @Test
    void aSeriesIsBoundedInDatesAndBuckets() {
        JsonObject century = refused(request("api/analytics/sales/?type=revenue_over_time&interval=week"
                + "&start_date=0001-01-01&end_date=9999-12-31", admin()).get(), 400);
        assertNamesField(century, "start_date");
        JsonObject weeks = refused(request("api/analytics/sales/?type=revenue_over_time&interval=week"
                + "&start_date=1970-01-01&end_date=2100-12-31", admin()).get(), 400);
        assertNamesField(weeks, "interval");
        assertTrue(weeks.getString("message").contains("3660"), weeks.toString());
        try (Response months = request("api/analytics/sales/?type=revenue_over_time&interval=month"
                + "&start_date=1970-01-01&end_date=2100-12-31", admin()).get()) {
            assertEquals(200, months.getStatus(), "1,572 months are within the bound");
        }
    }

    @Test
    void linksNameThePublicBaseUrlNotAForgedHost() throws Exception {
        RawHttp.Answer created = RawHttp.send("POST", "/api/categories/", Map.of("Host", "evil.example:4444",
                "Authorization", "Bearer " + admin(), "Content-Type", "application/json"),
                "{\"name\":\"" + Api.unique("Host") + "\"}");
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").startsWith(Api.BASE_URL + "/api/categories/"), created.headers().toString());
        RawHttp.Answer listed = RawHttp.send("GET", "/api/categories/?limit=1", Map.of("Host", "evil.example:4444",
                "Authorization", "Bearer " + admin()), null);
        assertTrue(listed.header("Link") == null || !listed.header("Link").contains("evil.example"), listed.headers().toString());
    }

    @Test
    void theContainersOwnRefusalsAreJsonWhereTheApplicationSeesThemAndA400Otherwise() throws Exception {
        for (String path : List.of("/api/%2e%2e/api/products/", "/api/products%2f1/", "/api/%2E%2E%2Fusers/")) {
            RawHttp.Answer answer = RawHttp.send("GET", path, Map.of("Authorization", "Bearer " + admin()), null);
            assertEquals(400, answer.status(), path + " -> " + answer);
            assertJsonBody(answer, path);
        }
        // Refused by Liberty's web container and HTTP channel before any application code runs: a 400, never served.
        for (String path : List.of("/api/products/..;/users/", "/%2e%2e/%2e%2e/etc/passwd")) {
            RawHttp.Answer answer = RawHttp.send("GET", path, Map.of("Authorization", "Bearer " + admin()), null);
            assertEquals(400, answer.status(), path + " -> " + answer);
            assertFalse(answer.body().contains("Exception") || answer.body().contains("passwd:"), answer.body());
        }
        RawHttp.Answer huge = RawHttp.send("GET", "/api/products/", Map.of("Authorization", "Bearer " + "x".repeat(100_000)),
                null);
        assertEquals(400, huge.status(), huge.toString());
        try (Response csvAsJson = Api.request("api/import/orders/", admin()).post(Entity.entity("InvoiceNo,StockCode\n",
                MediaType.APPLICATION_JSON))) {
            JsonObject error = refused(csvAsJson, 415);
            assertTrue(error.getString("message").contains("text/csv"), error.toString());
        }
    }

    private static void assertJsonBody(RawHttp.Answer answer, String what) {
        assertTrue(answer.header("Content-Type") != null && answer.header("Content-Type").startsWith("application/json"),
                what + " -> " + answer);
        JsonObject error = (JsonObject) Api.parse(answer.body());
        assertEquals(answer.status(), error.getInt("status"), what);
    }
}
