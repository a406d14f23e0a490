package com.ecommerce.analytics.recommendations.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * Two clear clusters of customers in Luxembourg: one buys the four products of category A together, the
 * other the four of category B. A new customer who bought two A products should be offered the other two.
 */
class RecommendationsIT {

    static long categoryA;
    static long[] a = new long[4];
    static long[] b = new long[4];
    static long inactive;
    static long soldOut;
    static long lowStock;
    static long shopper;

    @BeforeAll
    static void twoClustersOfCustomers() {
        categoryA = Store.category();
        long categoryB = Store.category();
        for (int i = 0; i < 4; i++) {
            a[i] = Store.product("10.00", 1_000, categoryA);
            b[i] = Store.product("20.00", 1_000, categoryB);
        }
        inactive = Store.product("10.00", 1_000, categoryA);
        soldOut = Store.product("10.00", 1_000, categoryA);
        lowStock = Store.product("10.00", 1_000, categoryA);
        for (int c = 0; c < 6; c++) {
            long customer = Store.customer("LU");
            order(customer, a[0], a[1], a[2], a[3]);
            if (c < 3) {
                order(customer, inactive, soldOut, lowStock);
            }
            order(Store.customer("LU"), b[0], b[1], b[2], b[3]);
        }
        Api.patch("api/products/" + inactive + "/", admin(), "{\"is_active\":false}").close();
        setStock(soldOut, 0);
        setStock(lowStock, 5);
        shopper = Store.customer("LU");
        order(shopper, a[0], a[1]);
        rebuild();
    }

    @Test
    void historyOffersWhatIsOftenBoughtWithTheCustomersPurchases() {
        JsonArray items = recommendations(shopper, "type=history&limit=2");
        assertEquals(Set.of(a[2], a[3]), ids(items));
        JsonObject first = items.getJsonObject(0);
        assertTrue(first.getString("reason").startsWith("often bought with Item-"), first.toString());
        assertEquals("10.00", first.getString("price"));
        assertEquals(categoryA, first.getJsonNumber("category").longValue());
        assertEquals(1.0, first.getJsonNumber("score").doubleValue(), 1e-9);
        assertTrue(items.getJsonObject(1).getJsonNumber("score").doubleValue() <= 1.0);
    }

    @Test
    void similarCustomersOfferWhatTheNearestCustomersBoughtUnderEitherSpelling() {
        for (String type : List.of("similar_customers", "similar_customer", "similar_customers/", "similar_customer/")) {
            JsonArray items = recommendations(shopper, "type=" + type + "&limit=2");
            assertEquals(Set.of(a[2], a[3]), ids(items), type);
            assertEquals("customers like you bought it", items.getJsonObject(0).getString("reason"));
        }
    }

    @Test
    void inventoryOffersTheCustomersCategoryInHealthyStockFirst() {
        JsonArray items = recommendations(shopper, "type=inventory&limit=2");
        assertEquals(Set.of(a[2], a[3]), ids(items));
        assertEquals("in stock, popular in your country", items.getJsonObject(0).getString("reason"));
        assertFalse(ids(recommendations(shopper, "type=inventory&limit=100")).contains(lowStock),
                "at or under its low-stock threshold");
    }

    @Test
    void noTypeBlendsTheThreeAndTheTrailingSlashOfTheEarlierUrlsIsAccepted() {
        assertEquals(Set.of(a[2], a[3]), ids(recommendations(shopper, "limit=2")));
        assertEquals(Set.of(a[2], a[3]), ids(recommendations(shopper, "type=history/&limit=2")));
    }

    @Test
    void boughtInactiveAndSoldOutProductsAreNeverOffered() {
        for (String type : List.of("history", "similar_customers", "inventory", "")) {
            Set<Long> offered = ids(recommendations(shopper, "type=" + type + "&limit=100"));
            assertFalse(offered.contains(a[0]) || offered.contains(a[1]), type + ": already bought");
            assertFalse(offered.contains(inactive), type + ": inactive");
            assertFalse(offered.contains(soldOut), type + ": out of stock");
        }
        assertTrue(ids(recommendations(shopper, "type=history&limit=100")).contains(lowStock), "low but in stock");
    }

    @Test
    void aPurchaseSinceTheLastRebuildIsNoLongerOffered() {
        long customer = Store.customer("LU");
        order(customer, b[0], b[1]);
        rebuild();
        assertEquals(Set.of(b[2], b[3]), ids(recommendations(customer, "type=history&limit=2")));
        order(customer, b[2]);
        JsonArray items = recommendations(customer, "type=history&limit=1");
        assertEquals(Set.of(b[3]), ids(items));
    }

    @Test
    void aCustomerWithoutOrdersGetsTheBestSellersOfTheirCountry() {
        // A kept test database holds the hits of earlier runs: a country seldom sold to, picked at random.
        List<String> countries = List.of("MT", "IS", "LU", "CY", "EE", "LV", "LT", "SI", "SK", "MC", "LI", "AD", "SM",
                "FO", "GL", "BM", "KY", "AW", "GI", "IM");
        String country = countries.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(countries.size()));
        long hit = Store.product("5.00", 10_000);
        orderUnits(Store.customer(country), hit, 900);
        rebuild();
        long newcomer = Store.customer(country);
        for (String type : List.of("history", "similar_customers", "inventory", "")) {
            JsonArray items = recommendations(newcomer, "type=" + type);
            assertEquals(10, items.size(), type);
            assertEquals(hit, items.getJsonObject(0).getJsonNumber("id").longValue(), type);
            assertEquals("popular in your country", items.getJsonObject(0).getString("reason"), type);
        }
    }

    @Test
    void analystsMayAskButOnlyAdminsRebuildOrEvaluate() {
        try (Response response = request("api/recommendations/" + shopper + "/?type=history", analyst()).get()) {
            assertEquals(200, response.getStatus());
        }
        try (Response response = Api.post("api/recommendations/rebuild/", analyst(), "")) {
            assertJsonError(response, 403);
        }
        try (Response response = request("api/recommendations/evaluation/", analyst()).get()) {
            assertJsonError(response, 403);
        }
        try (Response response = request("api/recommendations/" + shopper + "/").get()) {
            assertJsonError(response, 401);
        }
    }

    @Test
    void unknownCustomersTypesAndLimitsAreClearErrors() {
        try (Response response = request("api/recommendations/987654321/", admin()).get()) {
            assertJsonError(response, 404);
        }
        try (Response response = request("api/recommendations/" + shopper + "/?type=telepathy", admin()).get()) {
            assertTrue(assertJsonError(response, 400).getString("message").contains("type"));
        }
        for (String limit : List.of("0", "101", "many")) {
            try (Response response = request("api/recommendations/" + shopper + "/?limit=" + limit, admin()).get()) {
                assertTrue(assertJsonError(response, 400).getString("message").contains("limit"), limit);
            }
        }
    }

    @Test
    void theRebuildAnswersTheModelNowInUse() {
        JsonObject model = rebuild();
        assertTrue(model.getJsonNumber("model").longValue() > 0);
        assertTrue(model.getInt("customers") >= 13, model.toString());
        assertTrue(model.getJsonNumber("product_neighbours").longValue() >= 4 * 3 * 2, model.toString());
    }

    @Test
    void theEvaluationReportsEveryTypeAgainstTheBaseline() {
        JsonObject report = Api.getObject("api/recommendations/evaluation/?cut_off=2000-01-01", admin());
        assertEquals(10, report.getInt("k"));
        List<String> methods = report.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("method")).toList();
        assertEquals(List.of("popularity", "history", "similar_customers", "inventory", "blend"), methods);
        try (Response response = request("api/recommendations/evaluation/?cut_off=yesterday", admin()).get()) {
            assertJsonError(response, 400);
        }
    }

    private static JsonObject rebuild() {
        for (int attempt = 0; ; attempt++) {
            try (Response response = Api.post("api/recommendations/rebuild/", admin(), "")) {
                String body = response.readEntity(String.class);
                if (response.getStatus() == 200) {
                    return (JsonObject) Api.parse(body);
                }
                assertEquals(409, response.getStatus(), body);
                assertTrue(attempt < 50, "a rebuild kept running: " + body);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonArray recommendations(long customer, String query) {
        try (Response response = request("api/recommendations/" + customer + "/?" + query, admin()).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }

    private static Set<Long> ids(JsonArray items) {
        return items.getValuesAs(JsonObject.class).stream().map(i -> i.getJsonNumber("id").longValue())
                .collect(Collectors.toSet());
    }

    private static void order(long customer, long... products) {
        created("api/orders/", admin(), "{\"customer\":" + customer + ",\"items\":[" + Arrays.stream(products)
                .mapToObj(p -> "{\"product\":" + p + ",\"quantity\":1}").collect(Collectors.joining(",")) + "]}");
    }

    private static void orderUnits(long customer, long product, int quantity) {
        created("api/orders/", admin(), Store.order(customer, product, quantity));
    }

    private static void setStock(long product, int quantity) {
        JsonObject record = Api.getObjectFromList("api/inventory/?product=" + product, admin());
        Api.patch("api/inventory/" + record.getInt("id") + "/", admin(), "{\"quantity\":" + quantity + "}").close();
    }
}
