package com.ecommerce.analytics.catalog.boundary;

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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

class CatalogIT {

    static JsonObject newCategory() {
        return created("api/categories/", admin(), "{\"name\":\"" + unique("Cat") + "\",\"description\":\"d\"}");
    }

    static JsonObject newProduct(long category, String sku, String price) {
        return created("api/products/", admin(), "{\"name\":\"Phone " + sku + "\",\"description\":\"A phone\",\"SKU\":\""
                + sku + "\",\"price\":\"" + price + "\",\"category\":" + category + "}");
    }

    private static JsonArray list(String path, String token) {
        try (Response response = request(path, token).get()) {
            assertEquals(200, response.getStatus(), path);
            return (JsonArray) Api.parse(response.readEntity(String.class));
        }
    }

    @Test
    void anAdminCreatesAProductThatReadsBackInTheEarlierServicesShape() {
        long category = newCategory().getJsonNumber("id").longValue();
        JsonObject tag = created("api/tags/", admin(), "{\"name\":\"" + unique("tag") + "\"}");
        String sku = unique("SKU");
        JsonObject product = created("api/products/", admin(), "{\"name\":\"Laptop\",\"SKU\":\"" + sku
                + "\",\"price\":699.99,\"category\":" + category + ",\"tags\":[" + tag.getInt("id") + "]}");
        assertEquals("699.99", product.getString("price"), "money is a decimal string");
        JsonObject whole = created("api/products/", admin(), "{\"name\":\"Cable\",\"SKU\":\"" + unique("C")
                + "\",\"price\":5.5,\"category\":" + category + "}");
        assertEquals("5.50", whole.getString("price"), "always two places");
        try (Response tooFine = Api.post("api/products/", admin(), "{\"name\":\"X\",\"SKU\":\"" + unique("S")
                + "\",\"price\":\"1.005\",\"category\":" + category + "}")) {
            assertEquals("price", assertJsonError(tooFine, 400).getJsonArray("fields").getJsonObject(0).getString("field"));
        }
        assertEquals(sku, product.getString("SKU"));
        assertEquals(category, product.getJsonNumber("category").longValue());
        assertEquals(tag.getInt("id"), product.getJsonArray("tags").getInt(0));
        assertTrue(product.getBoolean("is_active"));
        assertTrue(product.getString("created_at").endsWith("Z"));
        JsonObject read = getObject("api/products/" + product.getInt("id") + "/", analyst());
        assertEquals(product, read);
    }

    /**
     * A list ordered by another column than the id is read as the page's ids first, then their rows: page after page
     * follows the ordering, ties broken by the id in the first key's direction, no product twice or left out.
     */
    @Test
    void pagesOrderedByANameOrACategoryFollowTheOrderingAcrossPages() {
        JsonObject first = newCategory();
        JsonObject second = newCategory();
        String run = unique("Tie");
        String[] names = {"B", "A", "B", "C", "A", "B", "A"};
        List<JsonObject> made = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            JsonObject category = i % 2 == 0 ? first : second;
            made.add(created("api/products/", admin(), "{\"name\":\"" + run + " " + names[i] + "\",\"SKU\":\""
                    + unique("T") + "\",\"price\":\"1.00\",\"category\":" + category.getInt("id") + "}"));
        }
        Map<Long, String> categoryNames = Map.of(first.getJsonNumber("id").longValue(), first.getString("name"),
                second.getJsonNumber("id").longValue(), second.getString("name"));
        Comparator<JsonObject> byId = Comparator.comparingLong(product -> product.getJsonNumber("id").longValue());
        List<Long> byNameDescending = ids(made.stream().sorted(Comparator.comparing((JsonObject product) ->
                product.getString("name")).thenComparing(byId).reversed()));
        List<Long> byCategory = ids(made.stream().sorted(Comparator.comparing((JsonObject product) ->
                categoryNames.get(product.getJsonNumber("category").longValue())).thenComparing(byId)));
        assertEquals(byNameDescending, inPages("api/products/?search=" + run + "&ordering=-name", 3, made.size()));
        assertEquals(byCategory, inPages("api/products/?search=" + run + "&ordering=category", 2, made.size()));
    }

    private static List<Long> inPages(String path, int size, int total) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; (page - 1) * size < total; page++) {
            ids.addAll(ids(list(path + "&page_size=" + size + "&page=" + page, analyst()).getValuesAs(JsonObject.class)
                    .stream()));
        }
        return ids;
    }

    private static List<Long> ids(Stream<JsonObject> products) {
        return products.map(product -> product.getJsonNumber("id").longValue()).toList();
    }

    /** The page reads no category: a product carries its category's id, which a move to another category changes. */
    @Test
    void aPageOfProductsCostsTheSameStatementsWhateverItsSizeAndShowsEachProductsCategory() {
        long first = newCategory().getJsonNumber("id").longValue();
        long second = newCategory().getJsonNumber("id").longValue();
        JsonObject tag = created("api/tags/", admin(), "{\"name\":\"" + unique("tag") + "\"}");
        for (int i = 0; i < 12; i++) {
            created("api/products/", admin(), "{\"name\":\"P" + i + "\",\"SKU\":\"" + unique("PG") + "\",\"price\":\"1.00\","
                    + "\"category\":" + (i % 2 == 0 ? first : second) + ",\"tags\":[" + tag.getInt("id") + "]}");
        }
        String both = "api/products/?category_id=" + first + "&ordering=name";
        int small;
        try (Response response = request(both + "&limit=2", analyst()).get()) {
            small = Integer.parseInt(response.getHeaderString("X-SQL-Statements"));
        }
        JsonArray page;
        try (Response response = request(both + "&limit=6", analyst()).get()) {
            page = (JsonArray) Api.parse(response.readEntity(String.class));
            assertEquals(small, Integer.parseInt(response.getHeaderString("X-SQL-Statements")));
        }
        assertTrue(small <= 4, "count, the page's ids in its ordering, products, their tags: " + small);
        assertEquals(6, page.size());
        page.getValuesAs(JsonObject.class).forEach(product -> {
            assertEquals(first, product.getJsonNumber("category").longValue());
            assertEquals(List.of(tag.getInt("id")), product.getJsonArray("tags").stream()
                    .map(id -> ((JsonNumber) id).intValue()).toList());
        });

        int moved = page.getJsonObject(0).getInt("id");
        try (Response patched = Api.patch("api/products/" + moved + "/", admin(), "{\"category\":" + second + "}")) {
            assertEquals(200, patched.getStatus());
            assertEquals(second, ((JsonObject) Api.parse(patched.readEntity(String.class))).getJsonNumber("category")
                    .longValue(), "the answer to the move");
        }
        assertEquals(second, getObject("api/products/" + moved + "/", analyst()).getJsonNumber("category").longValue());
        assertEquals(5, list(both, analyst()).size());
        assertTrue(list("api/products/?category_id=" + second + "&limit=50", analyst()).stream()
                .anyMatch(product -> ((JsonObject) product).getInt("id") == moved));
    }

    @Test
    void clientsCannotSetServerOwnedFields() {
        long category = newCategory().getJsonNumber("id").longValue();
        JsonObject product = created("api/products/", admin(), "{\"id\":999999,\"created_at\":\"2000-01-01T00:00:00Z\","
                + "\"name\":\"X\",\"SKU\":\"" + unique("S") + "\",\"price\":\"1.00\",\"category\":" + category + "}");
        assertTrue(product.getInt("id") != 999999);
        assertFalse(product.getString("created_at").startsWith("2000"));
    }

    @Test
    void invalidProductsAre400NamingEveryField() {
        try (Response response = Api.post("api/products/", admin(), "{\"SKU\":\"\",\"price\":\"-1\"}")) {
            JsonObject error = assertJsonError(response, 400);
            List<String> fields = error.getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")).toList();
            assertTrue(fields.containsAll(List.of("name", "SKU", "price", "category")), fields.toString());
        }
        try (Response response = Api.post("api/products/", admin(), "{\"name\":\"X\",\"SKU\":\"" + unique("S")
                + "\",\"price\":\"abc\",\"category\":1}")) {
            assertJsonError(response, 400);
        }
        try (Response response = Api.post("api/products/", admin(), "{\"name\":\"X\",\"SKU\":\"" + unique("S")
                + "\",\"price\":\"1.00\",\"category\":987654321}")) {
            assertEquals("category", assertJsonError(response, 400).getJsonArray("fields").getJsonObject(0).getString("field"));
        }
    }

    @Test
    void aDuplicateSkuIs409AndAnUnknownIdIs404() {
        long category = newCategory().getJsonNumber("id").longValue();
        String sku = unique("DUP");
        newProduct(category, sku, "5.00");
        try (Response response = Api.post("api/products/", admin(), "{\"name\":\"Other\",\"SKU\":\"" + sku
                + "\",\"price\":\"6.00\",\"category\":" + category + "}")) {
            assertJsonError(response, 409);
        }
        try (Response response = request("api/products/987654321/", admin()).get()) {
            assertJsonError(response, 404);
        }
    }

    @Test
    void putReplacesAndPatchChangesOnlyWhatIsSent() {
        long category = newCategory().getJsonNumber("id").longValue();
        JsonObject product = newProduct(category, unique("P"), "10.00");
        String path = "api/products/" + product.getInt("id") + "/";
        try (Response patched = Api.patch(path, admin(), "{\"price\":\"12.50\"}")) {
            assertEquals(200, patched.getStatus());
            JsonObject body = Api.object(patched);
            assertEquals("12.50", body.getString("price"));
            assertEquals(product.getString("name"), body.getString("name"));
            assertEquals(product.getString("description"), body.getString("description"));
        }
        try (Response replaced = Api.put(path, admin(), "{\"name\":\"Renamed\",\"SKU\":\"" + product.getString("SKU")
                + "\",\"price\":\"9.99\",\"category\":" + category + "}")) {
            JsonObject body = Api.object(replaced);
            assertEquals("Renamed", body.getString("name"));
            assertTrue(body.isNull("description"), "PUT replaces: the description was not sent");
        }
        try (Response invalid = Api.patch(path, admin(), "{\"price\":\"-3\"}")) {
            assertJsonError(invalid, 400);
        }
    }

    @Test
    void theListIsAPagedArrayFilteredByCategorySearchAndActivity() {
        long category = newCategory().getJsonNumber("id").longValue();
        String marker = unique("find");
        for (int i = 0; i < 3; i++) {
            newProduct(category, marker + "-" + i, "1.0" + i);
        }
        JsonObject inactive = newProduct(category, unique("gone"), "2.00");
        Api.patch("api/products/" + inactive.getInt("id"), admin(), "{\"is_active\":false}").close();

        try (Response page = request("api/products/?category_id=" + category + "&limit=2&ordering=-price", analyst()).get()) {
            JsonArray items = (JsonArray) Api.parse(page.readEntity(String.class));
            assertEquals("3", page.getHeaderString("X-Total-Count"), "inactive products are left out by default");
            assertEquals(2, items.size());
            assertEquals("1.02", items.getJsonObject(0).getString("price"));
            assertTrue(page.getLink("next").getUri().getQuery().contains("offset=2"));
            assertTrue(page.getLink("prev") == null);
        }
        assertEquals(1, list("api/products/?category_id=" + category + "&is_active=false", analyst()).size());
        assertEquals(3, list("api/products/?search=" + marker.toUpperCase(), analyst()).size());
        assertEquals(1, list("api/products?category_id=" + category + "&page=2&page_size=2", analyst()).size());
    }

    @Test
    void badPagingOrderingAndFiltersAre400() {
        for (String query : new String[] {"limit=1001", "limit=0", "offset=-1", "page=0", "limit=5&page=2",
                "ordering=password", "is_active=maybe"}) {
            try (Response response = request("api/products/?" + query, analyst()).get()) {
                assertJsonError(response, 400);
            }
        }
    }

    @Test
    void analystsReadButOnlyAdminsWrite() {
        long category = newCategory().getJsonNumber("id").longValue();
        try (Response response = Api.post("api/products/", analyst(), "{\"name\":\"X\",\"SKU\":\"" + unique("S")
                + "\",\"price\":\"1.00\",\"category\":" + category + "}")) {
            assertJsonError(response, 403);
        }
        try (Response response = Api.delete("api/categories/" + category + "/", analyst())) {
            assertJsonError(response, 403);
        }
        try (Response response = request("api/categories/" + category).get()) {
            assertJsonError(response, 401);
        }
    }

    @Test
    void categoriesAndTagsHaveTheFullSetOfOperations() {
        JsonObject category = newCategory();
        String path = "api/categories/" + category.getInt("id") + "/";
        try (Response renamed = Api.patch(path, admin(), "{\"description\":\"new words\"}")) {
            assertEquals("new words", Api.object(renamed).getString("description"));
        }
        try (Response duplicate = Api.post("api/categories/", admin(), "{\"name\":\"" + category.getString("name") + "\"}")) {
            assertJsonError(duplicate, 409);
        }
        newProduct(category.getInt("id"), unique("IN"), "3.00");
        try (Response inUse = Api.delete(path, admin())) {
            assertJsonError(inUse, 409);
        }
        JsonObject tag = created("api/tags/", admin(), "{\"name\":\"" + unique("t") + "\"}");
        try (Response put = Api.put("api/tags/" + tag.getInt("id"), admin(), "{\"name\":\"" + unique("t2") + "\"}")) {
            assertEquals(200, put.getStatus());
        }
        try (Response deleted = Api.delete("api/tags/" + tag.getInt("id") + "/", admin())) {
            assertEquals(204, deleted.getStatus());
        }
        try (Response gone = request("api/tags/" + tag.getInt("id") + "/", admin()).get()) {
            assertJsonError(gone, 404);
        }
    }

    @Test
    void deletingANeverOrderedProductRemovesIt() {
        JsonObject product = newProduct(newCategory().getInt("id"), unique("DEL"), "1.00");
        try (Response deleted = Api.delete("api/products/" + product.getInt("id") + "/", admin())) {
            assertEquals(204, deleted.getStatus());
        }
        try (Response gone = request("api/products/" + product.getInt("id"), admin()).get()) {
            assertJsonError(gone, 404);
        }
    }
}
