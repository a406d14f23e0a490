package com.ecommerce.analytics.platform;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.created;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;
import com.ecommerce.analytics.testing.StoreDatabase;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * created_at and updated_at on customers, order lines and stock, as the earlier service sent them: stamped when a
 * row is stored and when it changes, and for rows stored before the columns existed (NULL in the database), the best
 * date known instead of null.
 */
@ExtendWith(ArquillianExtension.class)
class RecordTimesIT {

    private static final String LONG_AGO = "2021-03-04 05:06:07";
    private static final String LONG_AGO_JSON = "2021-03-04T05:06:07Z";

    @Deployment(testable = false)
    static WebArchive storeDatabase() {
        return StoreDatabase.deployment();
    }

    @ArquillianResource
    URL storeDatabaseUrl;

    @Test
    void aCustomerIsStampedWhenStoredAndWhenChanged() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonObject customer = created("api/customers/", admin(), "{\"name\":\"Stamped\",\"email\":\""
                + Api.unique("stamped") + "@example.com\",\"country\":\"DE\",\"registration_date\":\"2019-05-01T10:00:00Z\"}");
        assertFalse(Instant.parse(customer.getString("created_at")).isBefore(before),
                "created now, whatever its registration date");
        assertEquals(customer.getString("created_at"), customer.getString("updated_at"));
        long id = customer.getInt("id");
        database().update("UPDATE customer SET created_at = ?, updated_at = ? WHERE id = ?", LONG_AGO, LONG_AGO, id);

        try (Response patched = Api.patch("api/customers/" + id + "/", admin(), "{\"name\":\"Renamed\"}")) {
            JsonObject body = Api.object(patched);
            assertEquals(LONG_AGO_JSON, body.getString("created_at"));
            assertFalse(Instant.parse(body.getString("updated_at")).isBefore(before));
        }
    }

    @Test
    void aCustomerStoredBeforeTheTimesWereKeptShowsItsRegistrationDate() {
        JsonObject customer = created("api/customers/", admin(), "{\"name\":\"Old\",\"email\":\""
                + Api.unique("old") + "@example.com\",\"country\":\"FR\",\"registration_date\":\"2018-02-03T04:05:06Z\"}");
        long id = customer.getInt("id");
        database().update("UPDATE customer SET created_at = NULL, updated_at = NULL WHERE id = ?", id);

        JsonObject read = Api.getObject("api/customers/" + id + "/", admin());
        assertEquals("2018-02-03T04:05:06Z", read.getString("created_at"));
        assertEquals("2018-02-03T04:05:06Z", read.getString("updated_at"));
    }

    @Test
    void anOrderLineIsStampedWithItsOrderAndWhenChangedAndAnOldOneShowsItsOrdersCreation() {
        long product = Store.product("4.00", 50);
        JsonObject order = created("api/orders/", admin(), Store.order(Store.customer("NL"), product, 2));
        JsonObject line = order.getJsonArray("items").getJsonObject(0);
        assertEquals(order.getString("created_at"), line.getString("created_at"));
        assertEquals(line.getString("created_at"), line.getString("updated_at"));
        long lineId = line.getInt("id");
        String path = "api/order-items/" + lineId + "/";

        database().update("UPDATE order_item SET created_at = ?, updated_at = ? WHERE id = ?", LONG_AGO, LONG_AGO, lineId);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Response patched = Api.patch(path, admin(), "{\"quantity\":3}")) {
            JsonObject body = Api.object(patched);
            assertEquals(3, body.getInt("quantity"));
            assertEquals(LONG_AGO_JSON, body.getString("created_at"));
            assertFalse(Instant.parse(body.getString("updated_at")).isBefore(before));
        }

        database().update("UPDATE order_item SET created_at = NULL, updated_at = NULL WHERE id = ?", lineId);
        JsonObject old = Api.getObject(path, admin());
        assertEquals(order.getString("created_at"), old.getString("created_at"));
        assertEquals(order.getString("created_at"), old.getString("updated_at"));
        JsonObject inOrder = Api.getObject("api/orders/" + order.getInt("id") + "/", admin())
                .getJsonArray("items").getJsonObject(0);
        assertEquals(order.getString("created_at"), inOrder.getString("created_at"));
    }

    @Test
    void stockIsStampedWhenAnOrderTakesItAndOldStockShowsItsLastRestock() {
        long product = Store.product("6.00", 40);
        JsonObject stock = Api.getObjectFromList("api/inventory/?product=" + product, admin());
        assertTrue(stock.getString("created_at").endsWith("Z"));
        long id = stock.getInt("id");
        database().update("UPDATE inventory SET created_at = ?, updated_at = ? WHERE id = ?", LONG_AGO, LONG_AGO, id);

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        created("api/orders/", admin(), Store.order(Store.customer("BE"), product, 1));
        JsonObject taken = Api.getObject("api/inventory/" + id + "/", admin());
        assertEquals(39, taken.getInt("quantity"));
        assertEquals(LONG_AGO_JSON, taken.getString("created_at"));
        assertFalse(Instant.parse(taken.getString("updated_at")).isBefore(before), "the order's reservation stamped it");

        database().update("UPDATE inventory SET created_at = NULL, updated_at = NULL, last_restocked_date = ? WHERE id = ?",
                LONG_AGO, id);
        JsonObject old = Api.getObject("api/inventory/" + id + "/", admin());
        assertEquals(LONG_AGO_JSON, old.getString("created_at"));
        assertEquals(LONG_AGO_JSON, old.getString("updated_at"));
    }

    private StoreDatabase database() {
        return new StoreDatabase(storeDatabaseUrl);
    }
}
