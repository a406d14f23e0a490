package com.ecommerce.analytics.platform;

import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;
import com.ecommerce.analytics.testing.StoreDatabase;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * A MariaDB Galera cluster refuses a transaction whose write set fails certification at COMMIT, as a deadlock (error
 * 1213, SQLSTATE 40001), after every statement of it succeeded. Here the database refuses, the same way, the first
 * write of the row the transaction writes last (on MariaDB exactly as Galera answers; see WriteFaults): the write is
 * redone whole, the client gets the answer it would have got anyway, and what was written is stored once. A write
 * refused every time is a 503 with Retry-After that stores nothing.
 */
@ExtendWith(ArquillianExtension.class)
class CertificationFailureIT {

    /** WriteRetries.ATTEMPTS. */
    private static final int ATTEMPTS = 4;
    /** A country no other test gives a rate of its own (Tuvalu). */
    private static final String COUNTRY = "TV";

    @Deployment(testable = false)
    static WebArchive storeDatabase() {
        return StoreDatabase.deployment();
    }

    @ArquillianResource
    URL storeDatabaseUrl;

    private StoreDatabase database;

    @BeforeEach
    void noFaultLeftOver() {
        database = new StoreDatabase(storeDatabaseUrl);
        database.removeFaults();
    }

    @AfterEach
    void removeFaults() {
        database.removeFaults();
    }

    /** The order's idempotency record is its transaction's last write, after the order, its stock and its sales. */
    @Test
    void anOrderWhoseLastWriteFailsCertificationIsPlacedOnce() {
        long customer = Store.customer("DE");
        long product = Store.product("12.50", 20);
        String key = Api.unique("cert");
        JsonObject placed;
        try (StoreDatabase.Fault certification = database.failFirstWrite("idempotency_key", "idempotency_key", key);
             Response response = Store.placeOrder(customer, product, 3, key)) {
            String body = response.readEntity(String.class);
            assertEquals(201, response.getStatus(), body);
            assertEquals("false", response.getHeaderString("Idempotent-Replayed"));
            placed = (JsonObject) Api.parse(body);
            assertEquals(2, certification.writes(), "refused once, then written by the redone transaction");
        }
        long order = placed.getJsonNumber("id").longValue();
        assertAll("stored once",
                () -> assertEquals(1, database.ordersOf(customer)),
                () -> assertEquals(1, database.count("SELECT COUNT(*) FROM order_item WHERE order_id = ?", order)),
                () -> assertEquals(17, Store.stockOf(product), "the stock taken once"),
                () -> assertEquals(1, idempotencyRecords(key)),
                () -> assertEquals(3, unitsCounted(product), "the sale counted once in the daily aggregates"),
                () -> assertEquals("37.50", placed.getString("total_amount")));
    }

    @Test
    void aCategoryWhoseInsertFailsCertificationIsCreatedOnce() {
        String name = Api.unique("Cert");
        JsonObject created;
        try (StoreDatabase.Fault certification = database.failFirstWrite("category", "name", name)) {
            created = Api.created("api/categories/", Api.admin(), "{\"name\":\"" + name + "\",\"lead_time_days\":9}");
            assertEquals(2, certification.writes());
        }
        assertEquals(name, created.getString("name"));
        assertEquals(9, created.getInt("lead_time_days"));
        assertEquals(1, database.count("SELECT COUNT(*) FROM category WHERE name = ?", name));
        assertEquals(created, Api.getObject("api/categories/" + created.getInt("id") + "/", Api.admin()));
    }

    /** The rate's update is flushed at commit: the one write of its transaction, and the last. */
    @Test
    void aTaxRateChangeWhoseUpdateFailsCertificationIsAppliedOnce() {
        String admin = Api.admin();
        Api.delete("api/tax-rates/" + COUNTRY + "/", admin).close();
        try {
            String rate = "{\"country\":\"" + COUNTRY + "\",\"rate\":\"0.1000\"}";
            try (Response set = Api.post("api/tax-rates/", admin, rate)) {
                assertEquals(200, set.getStatus());
            }
            long version = database.count("SELECT version FROM tax_rate WHERE country = ?", COUNTRY);
            try (StoreDatabase.Fault certification = database.failFirstWrite("tax_rate", "country", COUNTRY);
                 Response changed = Api.put("api/tax-rates/" + COUNTRY + "/", admin, "{\"rate\":\"0.2500\"}")) {
                String body = changed.readEntity(String.class);
                assertEquals(200, changed.getStatus(), body);
                assertEquals("0.2500", ((JsonObject) Api.parse(body)).getString("rate"));
                assertEquals(2, certification.writes());
            }
            assertEquals("0.2500", Api.getObject("api/tax-rates/" + COUNTRY + "/", admin).getString("rate"));
            assertEquals(version + 1, database.count("SELECT version FROM tax_rate WHERE country = ?", COUNTRY),
                    "changed once");
        } finally {
            Api.delete("api/tax-rates/" + COUNTRY + "/", admin).close();
        }
    }

    /**
     * A refresh marks the presented token used, then stores the new one at commit: the insert is refused. The
     * redone refresh is no reuse of the token (which would end the login): both new tokens work.
     */
    @Test
    void aRefreshWhoseNewTokenFailsCertificationIsNoReuseAndIssuesOnePair() {
        String username = Api.unique("cert").toLowerCase();
        String password = "pw-" + UUID.randomUUID();
        Api.created("api/users/", Api.admin(), "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"analyst\"}");
        JsonObject login = Api.login(username, password);
        String family = database.value("SELECT t.family_id FROM refresh_token t JOIN app_user u ON u.id = t.user_id "
                + "WHERE u.username_key = ?", username);
        JsonObject pair;
        try (StoreDatabase.Fault certification = database.failFirstInsert("refresh_token", "family_id", family);
             Response refreshed = Api.post("api/token/refresh/", refresh(login.getString("refresh")))) {
            String body = refreshed.readEntity(String.class);
            assertEquals(200, refreshed.getStatus(), body);
            pair = (JsonObject) Api.parse(body);
            assertEquals(2, certification.writes());
        }
        assertNotEquals(login.getString("refresh"), pair.getString("refresh"));
        assertAll("one new token, the presented one used once, nothing revoked",
                () -> assertEquals(2, database.count("SELECT COUNT(*) FROM refresh_token WHERE family_id = ?", family)),
                () -> assertEquals(1, database.count("SELECT COUNT(*) FROM refresh_token WHERE family_id = ? "
                        + "AND used_at IS NOT NULL", family)),
                () -> assertEquals(0, database.count("SELECT COUNT(*) FROM refresh_token WHERE family_id = ? "
                        + "AND revoked_at IS NOT NULL", family)));
        try (Response read = Api.request("api/categories/", pair.getString("access")).get()) {
            assertEquals(200, read.getStatus(), "the new access token works");
        }
        try (Response again = Api.post("api/token/refresh/", refresh(pair.getString("refresh")))) {
            assertEquals(200, again.getStatus(), "the new refresh token works");
        }
    }

    /** Refused at every attempt: 503, Retry-After, the JSON error, nothing stored; sent again later, it is placed. */
    @Test
    void anOrderThatKeepsFailingCertificationIs503AndStoresNothing() {
        long customer = Store.customer("DE");
        long product = Store.product("4.00", 10);
        String key = Api.unique("cert");
        try (StoreDatabase.Fault certification = database.failWritesAsDeadlock("idempotency_key", "idempotency_key",
                key);
             Response refused = Store.placeOrder(customer, product, 2, key)) {
            assertEquals("1", refused.getHeaderString("Retry-After"));
            assertJsonError(refused, 503);
            assertEquals(ATTEMPTS, certification.writes(), "the write was tried " + ATTEMPTS + " times");
        }
        assertAll("nothing stored",
                () -> assertEquals(0, database.ordersOf(customer)),
                () -> assertEquals(10, Store.stockOf(product)),
                () -> assertEquals(0, idempotencyRecords(key)),
                () -> assertEquals(0, unitsCounted(product)));

        try (Response placed = Store.placeOrder(customer, product, 2, key)) {
            assertEquals(201, placed.getStatus());
            assertEquals("false", placed.getHeaderString("Idempotent-Replayed"), "nothing refused to replay");
        }
        assertEquals(1, database.ordersOf(customer));
        assertEquals(8, Store.stockOf(product));
    }

    private static String refresh(String token) {
        return "{\"refresh\":\"" + token + "\"}";
    }

    private long idempotencyRecords(String key) {
        return database.count("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = ?", key);
    }

    private long unitsCounted(long product) {
        return database.count("SELECT COALESCE(SUM(units), 0) FROM sales_daily WHERE product_id = ?", product);
    }
}
