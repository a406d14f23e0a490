package com.ecommerce.analytics.stockplanning.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.stockplanning.alerts.WebhookSignature;
import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * Stock alerts as a merchant's system receives them: the test is the webhook receiver the IT server is configured
 * with (ALERT_WEBHOOK_URL on it.webhook.port, secret "it-webhook-secret", checks every 2 s, retries after 1 s).
 */
class InventoryAlertsIT {

    private static final String SECRET = "it-webhook-secret";
    private static final int PORT = Integer.getInteger("it.webhook.port", 9187);

    record Call(String alertId, String timestamp, String signature, JsonObject body) {
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** Products whose first alert call is answered 500, to see it retried. */
    private static final Set<Long> FAIL_FIRST = ConcurrentHashMap.newKeySet();
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
    private static HttpServer receiver;

    @BeforeAll
    static void listenOnceTheWatchIsLive() throws IOException, InterruptedException {
        receiver = HttpServer.create(new InetSocketAddress("localhost", PORT), 0);
        receiver.createContext("/stock-alerts", InventoryAlertsIT::receive);
        receiver.start();
        Store.analyticsCaughtUp();
        // The watch's first run only remembers what it sees; a product out of stock from its creation is alerted once
        // that run is over. Probe with such products until one is.
        for (int probe = 0; probe < 12; probe++) {
            long product = Store.product("1.00", 0);
            for (int poll = 0; poll < 20; poll++) {
                if (!alerts(product).isEmpty()) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the stock watch raised no alert within a minute");
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Call call = new Call(exchange.getRequestHeaders().getFirst("X-Alert-Id"),
                exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), (JsonObject) Api.parse(body));
        CALLS.add(call);
        boolean fail = FAIL_FIRST.contains(call.body().getJsonNumber("product").longValue()) && FAILED.add(call.alertId());
        exchange.sendResponseHeaders(fail ? 500 : 204, -1);
        exchange.close();
    }

    @Test
    void aStockOutIsAlertedOnceSignedAndRetriedWhenTheReceiverFirstFails() throws InterruptedException {
        long product = Store.product("12.00", 5);
        FAIL_FIRST.add(product);
        long customer = Store.customer("NL");
        created("api/orders/", admin(), Store.order(customer, product, 5));

        JsonObject alert = awaitAlerts(product, 1, alerts -> alerts.getValuesAs(JsonObject.class)
                .stream().allMatch(a -> a.getString("delivery").equals("delivered"))).getJsonObject(0);

        assertEquals("stock_out", alert.getString("kind"));
        assertEquals(0, alert.getInt("on_hand"));
        assertEquals(2, alert.getInt("attempts"), "one 500, then delivered: " + alert);
        assertNotNull(alert.getString("delivered_at"));
        List<Call> calls = callsFor(alert);
        assertEquals(2, calls.size(), "the same alert called twice: " + calls);
        for (Call call : calls) {
            assertEquals(WebhookSignature.sign(SECRET, Long.parseLong(call.timestamp()), call.body().toString()),
                    call.signature(), "signed over timestamp.body with the shared secret");
            assertEquals("inventory.stock_out", call.body().getString("event"));
            assertEquals(product, call.body().getJsonNumber("product").longValue());
            assertEquals(alert.getString("sku"), call.body().getString("sku"));
        }
        assertTrue(!WebhookSignature.sign("another-secret", Long.parseLong(calls.get(0).timestamp()),
                calls.get(0).body().toString()).equals(calls.get(0).signature()));

        Thread.sleep(6_000);
        assertEquals(1, alerts(product).size(), "three more checks of the same stock-out: no second alert");

        restock(product, 10);
        Thread.sleep(6_000);
        created("api/orders/", admin(), Store.order(customer, product, 10));
        JsonArray both = awaitAlerts(product, 2, alerts -> true);
        assertEquals("stock_out", both.getJsonObject(0).getString("kind"), "a new crossing after a restock: " + both);
        assertTrue(both.getJsonObject(0).getInt("id") > both.getJsonObject(1).getInt("id"), "newest first");
    }

    @Test
    void aFallIntoRiskIsAlertedWithTheReorderSuggestion() throws InterruptedException {
        // 15 of 20 sold today, a product no model has seen: 15/28 a day; reorder point ceil(3.75) + ceil(1.6449 x
        // sqrt(3.75)) = 4 + 4 = 8, up to ceil(7.5) + 4 = 12: at risk with 5 left, 7 to order.
        long product = Store.product("3.00", 20);
        created("api/orders/", admin(), Store.order(Store.customer("BE"), product, 15));

        JsonObject alert = awaitAlerts(product, 1, alerts -> alerts.getJsonObject(0).getString("delivery")
                .equals("delivered")).getJsonObject(0);

        assertEquals("at_risk", alert.getString("kind"));
        assertEquals(5, alert.getInt("on_hand"));
        assertEquals(8, alert.getInt("reorder_point"));
        assertEquals(7, alert.getInt("reorder_quantity"));
        assertEquals(1, alert.getInt("attempts"));
        assertEquals(alert, getObject("api/alerts/" + alert.getInt("id") + "/", analyst()));
        assertEquals(1, callsFor(alert).size());
    }

    @Test
    void alertQueriesAreCheckedAndClosedToStrangers() {
        for (String query : List.of("kind=sold_out", "delivery=sent", "ordering=product", "colour=red")) {
            assertJsonError(request("api/alerts/?" + query, admin()).get(), 400);
        }
        assertJsonError(request("api/alerts/999999999/", admin()).get(), 404);
        assertJsonError(request("api/alerts/").get(), 401);
        try (Response page = request("api/alerts/?kind=stock_out&delivery=delivered&ordering=raised_at&limit=5", analyst())
                .get()) {
            assertEquals(200, page.getStatus());
            JsonArray alerts = (JsonArray) Api.parse(page.readEntity(String.class));
            alerts.getValuesAs(JsonObject.class).forEach(alert -> {
                assertEquals("stock_out", alert.getString("kind"));
                assertEquals("delivered", alert.getString("delivery"));
            });
            assertNotNull(page.getHeaderString("X-Total-Count"));
        }
    }

    private static List<Call> callsFor(JsonObject alert) {
        return CALLS.stream().filter(call -> call.alertId().equals(String.valueOf(alert.getInt("id")))).toList();
    }

    private static JsonArray alerts(long product) {
        try (Response answer = request("api/alerts/?product=" + product, admin()).get()) {
            String body = answer.readEntity(String.class);
            assertEquals(200, answer.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }

    private static JsonArray awaitAlerts(long product, int count, Predicate<JsonArray> settled) throws InterruptedException {
        JsonArray alerts = alerts(product);
        for (int poll = 0; poll < 240 && !(alerts.size() >= count && settled.test(alerts)); poll++) {
            Thread.sleep(250);
            alerts = alerts(product);
        }
        assertEquals(count, alerts.size(), alerts.toString());
        assertTrue(settled.test(alerts), alerts.toString());
        return alerts;
    }

    private static void restock(long product, int quantity) {
        JsonObject record = Api.getObjectFromList("api/inventory/?product=" + product, admin());
        try (Response put = Api.put("api/inventory/" + record.getInt("id") + "/", admin(), "{\"product\":" + product
                + ",\"quantity\":" + quantity + "}")) {
            assertEquals(200, put.getStatus());
        }
    }
}
