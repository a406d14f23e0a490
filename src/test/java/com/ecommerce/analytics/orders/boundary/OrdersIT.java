package com.ecommerce.analytics.orders.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static com.ecommerce.analytics.testing.Store.order;
import static com.ecommerce.analytics.testing.Store.stockOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

class OrdersIT {

    private static JsonObject place(String body) {
        return created("api/orders/", admin(), body);
    }

    private static String path(JsonObject order) {
        return "api/orders/" + order.getInt("id") + "/";
    }

    private static int countOrdersOf(long customer) {
        try (Response response = request("api/orders/?customer=" + customer, admin()).get()) {
            return Integer.parseInt(response.getHeaderString("X-Total-Count"));
        }
    }

    @Test
    void placingAnOrderPricesItFromTheCatalogTotalsItAndReservesStock() {
        long customer = Store.customer("DE");
        long phone = Store.product("699.99", 10);
        long cable = Store.product("5.25", 100);
        JsonObject order = place("{\"customer\":" + customer + ",\"items\":[{\"product\":" + phone + ",\"quantity\":2},"
                + "{\"product\":" + cable + ",\"quantity\":3}],\"total_amount\":\"1.00\"}");
        assertEquals("pending", order.getString("status"));
        assertEquals("1415.73", order.getString("total_amount"), "2 x 699.99 + 3 x 5.25, whatever the client says");
        JsonArray items = order.getJsonArray("items");
        assertEquals(2, items.size());
        JsonObject phoneLine = items.stream().map(JsonObject.class::cast)
                .filter(item -> item.getInt("product") == phone).findFirst().orElseThrow();
        assertEquals("699.99", phoneLine.getString("price_at_time_of_order"));
        assertEquals(2, phoneLine.getInt("quantity"));
        assertEquals(customer, order.getInt("customer"));
        assertTrue(order.getString("order_date").endsWith("Z"));
        assertEquals(8, stockOf(phone));
        assertEquals(97, stockOf(cable));
        assertEquals(order, Api.getObject(path(order), analyst()));
    }

    @Test
    void anAdminMayStateTheUnitPriceAndBackDateTheOrder() {
        long product = Store.product("100.00", 5);
        JsonObject order = place("{\"customer\":" + Store.customer("US") + ",\"order_date\":\"2025-01-15T10:00:00Z\","
                + "\"items\":[{\"product\":" + product + ",\"quantity\":1,\"unit_price\":\"80.00\"}]}");
        assertEquals("80.00", order.getString("total_amount"));
        assertEquals("2025-01-15T10:00:00Z", order.getString("order_date"));
    }

    @Test
    void twoLinesOfAProductBecomeOneAndMayNotDisagreeOnItsPrice() {
        long customer = Store.customer("US");
        long product = Store.product("100.00", 10);
        JsonObject merged = place("{\"customer\":" + customer + ",\"items\":[{\"product\":" + product
                + ",\"quantity\":1,\"unit_price\":\"80.00\"},{\"product\":" + product + ",\"quantity\":2,"
                + "\"unit_price\":\"80.0\"}]}");
        assertEquals("240.00", merged.getString("total_amount"));
        assertEquals(1, merged.getJsonArray("items").size());
        assertEquals(3, merged.getJsonArray("items").getJsonObject(0).getInt("quantity"));
        try (Response response = Api.post("api/orders/", admin(), "{\"customer\":" + customer + ",\"items\":[{"
                + "\"product\":" + product + ",\"quantity\":1,\"unit_price\":\"80.00\"},{\"product\":" + product
                + ",\"quantity\":1}]}")) {
            assertTrue(assertJsonError(response, 400).getString("message").contains("two prices"));
        }
        assertEquals(7, stockOf(product), "the refused order reserved nothing");
    }

    @Test
    void anOrderBeyondStockIs409NamingEachShortProductAndWritesNothing() {
        long customer = Store.customer("FR");
        long plenty = Store.product("1.00", 50);
        long scarce = Store.product("2.00", 1);
        long none = Store.product("3.00", 0);
        try (Response response = Api.post("api/orders/", admin(), "{\"customer\":" + customer + ",\"items\":["
                + "{\"product\":" + plenty + ",\"quantity\":5},{\"product\":" + scarce + ",\"quantity\":2},"
                + "{\"product\":" + none + ",\"quantity\":1}]}")) {
            JsonObject error = assertJsonError(response, 409);
            JsonArray shortages = error.getJsonArray("shortages");
            assertEquals(2, shortages.size());
            assertEquals(scarce, shortages.getJsonObject(0).getInt("product"));
            assertEquals(2, shortages.getJsonObject(0).getInt("requested"));
            assertEquals(1, shortages.getJsonObject(0).getInt("available"));
            assertEquals(0, shortages.getJsonObject(1).getInt("available"));
        }
        assertEquals(50, stockOf(plenty), "the reservation of the product in stock was rolled back");
        assertEquals(1, stockOf(scarce));
        assertEquals(0, countOrdersOf(customer));
    }

    @Test
    void badOrdersAre400() {
        long customer = Store.customer("GB");
        long product = Store.product("1.00", 10);
        try (Response response = Api.post("api/orders/", admin(), "{\"customer\":" + customer + ",\"items\":[]}")) {
            assertJsonError(response, 400);
        }
        try (Response response = Api.post("api/orders/", admin(), order(customer, product, 0))) {
            assertJsonError(response, 400);
        }
        try (Response response = Api.post("api/orders/", admin(), order(987654321L, product, 1))) {
            assertEquals("customer", assertJsonError(response, 400).getJsonArray("fields").getJsonObject(0).getString("field"));
        }
        Api.patch("api/products/" + product, admin(), "{\"is_active\":false}").close();
        try (Response response = Api.post("api/orders/", admin(), order(customer, product, 1))) {
            assertTrue(assertJsonError(response, 400).getString("message").contains("not active"));
        }
        try (Response response = Api.post("api/orders/", analyst(), order(customer, product, 1))) {
            assertJsonError(response, 403);
        }
    }

    @Test
    void statusesMoveForwardAndCancelingReturnsTheStock() {
        long product = Store.product("10.00", 10);
        JsonObject order = place(order(Store.customer("IT"), product, 4));
        try (Response shipped = Api.patch(path(order), admin(), "{\"status\":\"shipped\"}")) {
            assertEquals("shipped", Api.object(shipped).getString("status"));
        }
        try (Response backwards = Api.patch(path(order), admin(), "{\"status\":\"pending\"}")) {
            assertJsonError(backwards, 409);
        }
        try (Response canceled = Api.put(path(order), admin(), "{\"status\":\"canceled\"}")) {
            assertEquals("canceled", Api.object(canceled).getString("status"));
        }
        assertEquals(10, stockOf(product));
        try (Response reopened = Api.patch(path(order), admin(), "{\"status\":\"pending\"}")) {
            assertEquals("pending", Api.object(reopened).getString("status"));
        }
        assertEquals(6, stockOf(product));
        try (Response nonsense = Api.patch(path(order), admin(), "{\"status\":\"lost\"}")) {
            assertJsonError(nonsense, 400);
        }
    }

    @Test
    void reopeningACanceledOrderWhoseStockIsGoneIs409() {
        long product = Store.product("10.00", 3);
        long customer = Store.customer("ES");
        JsonObject first = place(order(customer, product, 3));
        Api.patch(path(first), admin(), "{\"status\":\"canceled\"}").close();
        place(order(customer, product, 2));
        try (Response reopen = Api.patch(path(first), admin(), "{\"status\":\"pending\"}")) {
            assertJsonError(reopen, 409);
        }
        assertEquals("canceled", Api.getObject(path(first), admin()).getString("status"));
        assertEquals(1, stockOf(product));
    }

    @Test
    void aPendingOrderEnteredByMistakeCanBeDeletedAndItsStockReturns() {
        long product = Store.product("1.00", 5);
        JsonObject order = place(order(Store.customer("LU"), product, 2));
        assertEquals(3, stockOf(product));
        try (Response deleted = Api.delete(path(order), admin())) {
            assertEquals(204, deleted.getStatus());
        }
        assertEquals(5, stockOf(product));
        try (Response gone = request(path(order), admin()).get()) {
            assertJsonError(gone, 404);
        }
    }

    @Test
    void refundsOfUnknownOrdersCanceledOrdersOrOtherProductsAreRefused() {
        long product = Store.product("1.00", 5);
        JsonObject order = place(order(Store.customer("GR"), product, 1));
        try (Response unknown = Api.post("api/orders/987654321/refunds/", admin(),
                "{\"items\":[{\"product\":" + product + ",\"quantity\":1}]}")) {
            assertJsonError(unknown, 404);
        }
        try (Response other = Api.post(path(order) + "refunds/", admin(), "{\"items\":[{\"product\":987654321,\"quantity\":1}]}")) {
            assertJsonError(other, 400);
        }
        try (Response byAnalyst = Api.post(path(order) + "refunds/", analyst(),
                "{\"items\":[{\"product\":" + product + ",\"quantity\":1}]}")) {
            assertJsonError(byAnalyst, 403);
        }
        Api.patch(path(order), admin(), "{\"status\":\"canceled\"}").close();
        try (Response canceled = Api.post(path(order) + "refunds/", admin(),
                "{\"items\":[{\"product\":" + product + ",\"quantity\":1}]}")) {
            assertJsonError(canceled, 409);
        }
    }

    @Test
    void deliveredIsFinalAndOrdersAreNeverDeleted() {
        JsonObject order = place(order(Store.customer("CA"), Store.product("1.00", 5), 1));
        Api.patch(path(order), admin(), "{\"status\":\"shipped\"}").close();
        Api.patch(path(order), admin(), "{\"status\":\"delivered\"}").close();
        try (Response cancel = Api.patch(path(order), admin(), "{\"status\":\"canceled\"}")) {
            assertJsonError(cancel, 409);
        }
        try (Response delete = Api.delete(path(order), admin())) {
            assertJsonError(delete, 409);
        }
        try (Response missing = request("api/orders/987654321/", admin()).get()) {
            assertJsonError(missing, 404);
        }
    }

    @Test
    void refundsAreSeparateDatedRecordsThatNeverExceedWhatWasBought() {
        long product = Store.product("20.00", 10);
        JsonObject order = place(order(Store.customer("AU"), product, 3));
        String refunds = path(order) + "refunds/";
        JsonObject refund;
        try (Response recorded = Api.post(refunds, admin(), "{\"items\":[{\"product\":" + product + ",\"quantity\":2}],"
                + "\"restock\":true,\"reason\":\"damaged\"}")) {
            assertEquals(201, recorded.getStatus());
            refund = Api.object(recorded);
            assertTrue(recorded.getLocation().toString().endsWith("/" + refunds + refund.getInt("id") + "/"),
                    recorded.getLocation().toString());
            assertEquals(refund, Api.getObject(recorded.getLocation().toString().substring(Api.BASE_URL.length() + 1),
                    analyst()), "the Location reads the refund");
        }
        try (Response otherOrders = request("api/orders/" + place(order(Store.customer("AU"), Store.product("1.00", 5), 1)).getInt("id")
                + "/refunds/" + refund.getInt("id") + "/", analyst()).get()) {
            assertJsonError(otherOrders, 404);
        }
        assertEquals("40.00", refund.getString("amount"));
        assertTrue(refund.getBoolean("restocked"));
        assertEquals(9, stockOf(product), "3 taken, 2 put back");
        try (Response tooMany = Api.post(refunds, admin(), "{\"items\":[{\"product\":" + product + ",\"quantity\":2}]}")) {
            assertJsonError(tooMany, 409);
        }
        try (Response list = request(refunds, analyst()).get()) {
            JsonArray all = (JsonArray) Api.parse(list.readEntity(String.class));
            assertEquals(1, all.size());
            assertEquals("damaged", all.getJsonObject(0).getString("reason"));
        }
        assertEquals("60.00", Api.getObject(path(order), admin()).getString("total_amount"), "the order is not edited");
        Api.patch(path(order), admin(), "{\"status\":\"canceled\"}").close();
        assertEquals(10, stockOf(product), "canceling returns only the unit not already restocked");
    }

    @Test
    void aRefundCanBeBackDatedButNotBeforeTheOrder() {
        long product = Store.product("5.00", 10);
        JsonObject order = place("{\"customer\":" + Store.customer("JP") + ",\"order_date\":\"2025-03-01T12:00:00Z\","
                + "\"items\":[{\"product\":" + product + ",\"quantity\":2}]}");
        JsonObject refund = created(path(order) + "refunds/", admin(), "{\"refund_date\":\"2025-03-05T09:00:00Z\","
                + "\"items\":[{\"product\":" + product + ",\"quantity\":1}]}");
        assertEquals("2025-03-05T09:00:00Z", refund.getString("refund_date"));
        try (Response early = Api.post(path(order) + "refunds/", admin(), "{\"refund_date\":\"2025-02-01T00:00:00Z\","
                + "\"items\":[{\"product\":" + product + ",\"quantity\":1}]}")) {
            assertJsonError(early, 400);
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndPlacesNothing() {
        long customer = Store.customer("NL");
        long product = Store.product("7.00", 10);
        String key = UUID.randomUUID().toString();
        JsonObject first;
        try (Response response = request("api/orders/", admin()).header("Idempotency-Key", key)
                .post(Entity.entity(order(customer, product, 2), MediaType.APPLICATION_JSON_TYPE))) {
            assertEquals(201, response.getStatus());
            first = Api.object(response);
        }
        try (Response retry = request("api/orders/", admin()).header("Idempotency-Key", key)
                .post(Entity.entity(order(customer, product, 2).replace(",", " , "), MediaType.APPLICATION_JSON_TYPE))) {
            assertEquals(201, retry.getStatus());
            assertEquals("true", retry.getHeaderString("Idempotent-Replayed"));
            assertEquals(first, Api.object(retry));
        }
        assertEquals(1, countOrdersOf(customer));
        assertEquals(8, stockOf(product));
        try (Response other = request("api/orders/", admin()).header("Idempotency-Key", key)
                .post(Entity.entity(order(customer, product, 3), MediaType.APPLICATION_JSON_TYPE))) {
            assertJsonError(other, 422);
        }
    }

    @Test
    void ordersFilterByCustomerStatusAndDates() {
        long customer = Store.customer("SE");
        long product = Store.product("1.00", 100);
        place("{\"customer\":" + customer + ",\"order_date\":\"2025-06-30T23:59:59Z\",\"items\":[{\"product\":" + product + ",\"quantity\":1}]}");
        JsonObject july = place("{\"customer\":" + customer + ",\"order_date\":\"2025-07-01T00:00:00Z\",\"items\":[{\"product\":" + product + ",\"quantity\":1}]}");
        JsonObject delivered = place("{\"customer\":" + customer + ",\"order_date\":\"2025-07-31T23:00:00Z\",\"items\":[{\"product\":" + product + ",\"quantity\":1}]}");
        Api.patch(path(delivered), admin(), "{\"status\":\"shipped\"}").close();
        Api.patch(path(delivered), admin(), "{\"status\":\"delivered\"}").close();
        try (Response response = request("api/orders/?customer=" + customer + "&start_date=2025-07-01&end_date=2025-07-31&ordering=order_date", analyst()).get()) {
            JsonArray page = (JsonArray) Api.parse(response.readEntity(String.class));
            assertEquals(2, page.size());
            assertEquals(july.getInt("id"), page.getJsonObject(0).getInt("id"));
        }
        try (Response response = request("api/orders/?customer=" + customer + "&status=delivered", analyst()).get()) {
            assertEquals("1", response.getHeaderString("X-Total-Count"));
        }
        for (String bad : new String[] {"start_date=2025-13-01", "start_date=2025-07-02&end_date=2025-07-01", "status=lost"}) {
            try (Response response = request("api/orders/?" + bad, analyst()).get()) {
                assertJsonError(response, 400);
            }
        }
    }

    @Test
    void aPageOfOrdersWithItemsCostsTheSameStatementsWhateverItsSize() {
        long customer = Store.customer("PT");
        long first = Store.product("1.00", 100);
        long second = Store.product("2.00", 100);
        for (int i = 0; i < 12; i++) {
            place("{\"customer\":" + customer + ",\"items\":[{\"product\":" + first + ",\"quantity\":1},{\"product\":"
                    + second + ",\"quantity\":1}]}");
        }
        int small;
        try (Response response = request("api/orders/?customer=" + customer + "&limit=2", analyst()).get()) {
            small = Integer.parseInt(response.getHeaderString("X-SQL-Statements"));
        }
        try (Response response = request("api/orders/?customer=" + customer + "&limit=12", analyst()).get()) {
            JsonArray page = (JsonArray) Api.parse(response.readEntity(String.class));
            assertEquals(12, page.size());
            assertEquals(2, page.getJsonObject(11).getJsonArray("items").size());
            assertEquals(small, Integer.parseInt(response.getHeaderString("X-SQL-Statements")));
        }
        assertTrue(small <= 3, "count, orders, their items: " + small);
    }

    @Test
    void orderLinesAreListedByOrderAndProduct() {
        long product = Store.product("3.00", 10);
        JsonObject order = place(order(Store.customer("AT"), product, 2));
        try (Response response = request("api/order-items/?order=" + order.getInt("id"), analyst()).get()) {
            JsonArray lines = (JsonArray) Api.parse(response.readEntity(String.class));
            assertEquals(1, lines.size());
            assertEquals(product, lines.getJsonObject(0).getInt("product"));
            assertEquals("3.00", lines.getJsonObject(0).getString("price_at_time_of_order"));
            JsonObject line = Api.getObject("api/order-items/" + lines.getJsonObject(0).getInt("id") + "/", analyst());
            assertEquals(order.getInt("id"), line.getInt("order"));
        }
    }

    @Test
    void aPendingOrdersLinesCanBeAddedChangedAndRemovedWithStockAndTotalFollowing() {
        long first = Store.product("10.00", 10);
        long second = Store.product("4.00", 10);
        JsonObject order = place(order(Store.customer("DK"), first, 2));
        JsonObject line = created("api/order-items/", admin(), "{\"order\":" + order.getInt("id") + ",\"product\":"
                + second + ",\"quantity\":3}");
        assertEquals("4.00", line.getString("price_at_time_of_order"));
        assertEquals(7, stockOf(second));
        assertEquals("32.00", Api.getObject(path(order), admin()).getString("total_amount"));
        String linePath = "api/order-items/" + line.getInt("id") + "/";
        try (Response changed = Api.patch(linePath, admin(), "{\"quantity\":5}")) {
            assertEquals(5, Api.object(changed).getInt("quantity"));
        }
        assertEquals(5, stockOf(second));
        assertEquals("40.00", Api.getObject(path(order), admin()).getString("total_amount"));
        try (Response tooMany = Api.patch(linePath, admin(), "{\"quantity\":50}")) {
            assertJsonError(tooMany, 409);
        }
        try (Response removed = Api.delete(linePath, admin())) {
            assertEquals(204, removed.getStatus());
        }
        assertEquals(10, stockOf(second));
        assertEquals("20.00", Api.getObject(path(order), admin()).getString("total_amount"));
        int lastLine = Api.getObject(path(order), admin()).getJsonArray("items").getJsonObject(0).getInt("id");
        try (Response last = Api.delete("api/order-items/" + lastLine, admin())) {
            assertJsonError(last, 409);
        }
        Api.patch(path(order), admin(), "{\"status\":\"shipped\"}").close();
        try (Response shipped = Api.patch("api/order-items/" + lastLine, admin(), "{\"quantity\":1}")) {
            assertJsonError(shipped, 409);
        }
    }

    @Test
    void invalidLinesNameTheirPositionInTheItemsList() {
        long product = Store.product("1.00", 10);
        try (Response response = Api.post("api/orders/", admin(), "{\"customer\":" + Store.customer("NO")
                + ",\"items\":[{\"product\":" + product + ",\"quantity\":1},{\"product\":" + product + ",\"quantity\":0}]}")) {
            JsonObject error = assertJsonError(response, 400);
            assertEquals("items[1].quantity", error.getJsonArray("fields").getJsonObject(0).getString("field"));
        }
    }

    @Test
    void orderedProductsAndCustomersWithOrdersAreKeptForTheHistory() {
        long product = Store.product("2.00", 10);
        long customer = Store.customer("FI");
        place(order(customer, product, 1));
        try (Response deleted = Api.delete("api/products/" + product + "/", admin())) {
            assertEquals(200, deleted.getStatus());
            assertEquals(false, Api.object(deleted).getBoolean("is_active"));
        }
        assertEquals(false, Api.getObject("api/products/" + product, admin()).getBoolean("is_active"));
        try (Response deleted = Api.delete("api/customers/" + customer + "/", admin())) {
            assertJsonError(deleted, 409);
        }
    }
}
