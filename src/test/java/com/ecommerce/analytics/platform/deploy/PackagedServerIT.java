package com.ecommerce.analytics.platform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.AnswersAgainstTheDocument;
import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.PackagedServer;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The self-contained server that `mvn package` builds, started with {@code java -jar} as README's Deploy section
 * says, as a second instance beside the server the build started: the same signing keys and settings, and on
 * MySQL/MariaDB the same database, so that what one instance changes the other answers (within the bounds README's
 * "Several instances" lists). On the embedded database it has a database of its own.
 */
class PackagedServerIT {

    private static final int PORT = Integer.getInteger("it.packaged.http.port", 9181);
    private static final boolean SHARED_DATABASE = "mysql".equals(System.getProperty("it.database.engine"));
    private static final Path HOME = Path.of(System.getProperty("it.packaged.home", "target/packaged-server-it"));

    private static PackagedServer second;
    private static Client client;

    @BeforeAll
    static void startTheSecondInstance() throws IOException {
        second = PackagedServer.start(PORT, HOME, PackagedServer.settingsOfTheTestServer());
        client = ClientBuilder.newBuilder().register(AnswersAgainstTheDocument.class).build();
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.closeAndCheckClean();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    void thePackagedServerServesTheApiTheDocumentAndTheDashboardFromItsJarAlone() {
        try (Response ready = get("health/ready", null)) {
            assertEquals(200, ready.getStatus());
            JsonObject health = object(ready);
            assertEquals("UP", health.getString("status"));
        }
        try (Response document = client.target(second.baseUrl() + "/openapi").queryParam("format", "JSON").request()
                .get()) {
            assertEquals(200, document.getStatus());
            assertTrue(object(document).getJsonObject("paths").containsKey("/api/products"));
        }
        try (Response dashboard = client.target(second.baseUrl() + "/dashboard/").request().get()) {
            assertEquals(200, dashboard.getStatus());
        }
        String token = login(second.baseUrl());
        try (Response store = get("api/store/", token)) {
            assertEquals(200, store.getStatus());
            assertEquals(System.getProperty("it.store.timezone", "UTC"), object(store).getString("time_zone"));
        }
    }

    @Test
    void aTokenOfOneInstanceIsAcceptedByTheOtherAndAnEndedLoginIsRefusedByBothWithinFiveSeconds()
            throws InterruptedException {
        assumeTrue(SHARED_DATABASE, "the instances share a database only on MySQL/MariaDB");
        String username = Api.unique("second");
        String password = "pw-" + UUID.randomUUID();
        Api.created("api/users/", Api.admin(), "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"analyst\"}").getInt("id");
        JsonObject tokens = Api.login(username, password);
        try (Response onTheOther = get("api/products/?limit=1", tokens.getString("access"))) {
            assertEquals(200, onTheOther.getStatus());
        }
        try (Response loggedOut = client.target(second.baseUrl() + "/api/token/logout/").request()
                .post(Entity.json("{\"refresh\":\"" + tokens.getString("refresh") + "\"}"))) {
            assertEquals(204, loggedOut.getStatus(), "logged out on the second instance");
        }
        long loggedOutAt = System.nanoTime();
        int status;
        do {
            try (Response onTheFirst = Api.request("api/products/?limit=1", tokens.getString("access")).get()) {
                status = onTheFirst.getStatus();
            }
            if (status == 200) {
                Thread.sleep(100);
            }
        } while (status == 200 && System.nanoTime() - loggedOutAt < 8_000_000_000L);
        assertEquals(401, status, "the first instance refuses the ended login");
        assertTrue(System.nanoTime() - loggedOutAt < 6_000_000_000L, "within 5 s (and a second for the test)");
    }

    @Test
    void oneStoreWhicheverInstanceAnswers() {
        assumeTrue(SHARED_DATABASE, "the instances share a database only on MySQL/MariaDB");
        long product = Store.product("12.50", 10);
        long customer = Store.customer("DE");
        String token = login(second.baseUrl());
        JsonObject order;
        try (Response placed = client.target(second.baseUrl() + "/api/orders/").request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .post(Entity.json(Store.order(customer, product, 3)))) {
            assertEquals(201, placed.getStatus(), "placed on the second instance");
            order = object(placed);
        }
        assertEquals(7, Store.stockOf(product), "the first instance sees the stock the second took");
        JsonObject onTheFirst = Api.getObject("api/orders/" + order.getInt("id") + "/", Api.admin());
        assertEquals(order.getString("total_amount"), onTheFirst.getString("total_amount"));
        try (Response clvOnTheSecond = get("api/customer/" + customer + "/clv/", token)) {
            assertEquals("37.50", object(clvOnTheSecond).getString("lifetime_value"));
        }
    }

    @Test
    void aCustomersSegmentChangedThroughOneInstanceIsAnsweredByTheOtherWithinTwiceTheFreshness()
            throws InterruptedException {
        assumeTrue(SHARED_DATABASE, "the instances share a database only on MySQL/MariaDB");
        long customer = Store.customer("FR");
        long product = Store.product("20.00", 5);
        String token = login(second.baseUrl());
        try (Response before = get("api/customer/" + customer + "/clv/", token)) {
            assertEquals(JsonValue.ValueType.NULL, object(before).get("rfm").getValueType(), "no order, no segment yet");
        }
        try (Response placed = Api.post("api/orders/", Api.admin(), Store.order(customer, product, 1))) {
            assertEquals(201, placed.getStatus(), "placed on the first instance");
        }
        long freshSeconds = Long.getLong("it.fresh.seconds", 1);
        Thread.sleep(2 * freshSeconds * 1000 + 200);
        try (Response after = get("api/customer/" + customer + "/clv/", token)) {
            JsonValue rfm = object(after).get("rfm");
            assertNotEquals(JsonValue.ValueType.NULL, rfm.getValueType(),
                    "the second instance's RFM scoring is at most two freshness periods old");
        }
    }

    private static String login(String baseUrl) {
        try (Response answer = client.target(baseUrl + "/api/token/").request()
                .post(Entity.json(Api.credentials(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD)))) {
            assertEquals(200, answer.getStatus(), "admin login on " + baseUrl);
            return object(answer).getString("access");
        }
    }

    private static Response get(String path, String token) {
        var request = client.target(second.baseUrl() + "/" + path).request(MediaType.APPLICATION_JSON);
        return token == null ? request.get() : request.header("Authorization", "Bearer " + token).get();
    }

    private static JsonObject object(Response response) {
        try (var reader = Json.createReader(new StringReader(response.readEntity(String.class)))) {
            return reader.readObject();
        }
    }
}
