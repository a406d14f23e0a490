package com.ecommerce.analytics.platform;

import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.time.Duration;

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

import jakarta.ws.rs.core.Response;

/**
 * A database that holds a write, as a Galera cluster holds every write for a few seconds while it goes on without a
 * node that died, does not hold the client: the change is answered 503 with Retry-After within the store's answer
 * time (4 s), long before the database lets the write go, and the write is then rolled back, its connection being
 * gone. Sent again with the same Idempotency-Key, the order is placed once. The embedded database has no network
 * to time out, so there the write simply waits: the test runs on MySQL/MariaDB.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseStallIT {

    private static final boolean NETWORKED = "mysql".equals(System.getProperty("it.database.engine"));
    /** WriteFaults.STALL_SECONDS. */
    private static final Duration STALL = Duration.ofSeconds(8);

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

    @Test
    void anOrderTheDatabaseHoldsIsAnswered503InTimeSavesNothingAndIsPlacedOnceWhenSentAgain() {
        assumeTrue(NETWORKED, "the embedded database has no network to time out: its writes wait");
        long customer = Store.customer("DE");
        long product = Store.product("4.00", 10);
        String key = Api.unique("stall");
        long answeredAfterMillis;
        try (StoreDatabase.Fault stall = database.stallWrites("idempotency_key", "idempotency_key", key)) {
            long start = System.nanoTime();
            try (Response held = Store.placeOrder(customer, product, 2, key)) {
                answeredAfterMillis = (System.nanoTime() - start) / 1_000_000;
                assertJsonError(held, 503);
                assertEquals("2", held.getHeaderString("Retry-After"));
            }
            assertEquals(1, stall.writes(), "the write reached the database");
        }
        assertTrue(answeredAfterMillis < STALL.toMillis() - 1_500,
                "answered after " + answeredAfterMillis + " ms, before the database let the write go");
        // Removing the fault waited for the held transaction to end: it found its connection closed and rolled back.
        assertAll("nothing stored",
                () -> assertEquals(0, database.ordersOf(customer)),
                () -> assertEquals(10, Store.stockOf(product)),
                () -> assertEquals(0, database.count("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = ?",
                        key)));

        try (Response placed = Store.placeOrder(customer, product, 2, key)) {
            assertEquals(201, placed.getStatus());
            assertEquals("false", placed.getHeaderString("Idempotent-Replayed"));
        }
        try (Response again = Store.placeOrder(customer, product, 2, key)) {
            assertEquals(201, again.getStatus());
            assertEquals("true", again.getHeaderString("Idempotent-Replayed"));
        }
        assertEquals(1, database.ordersOf(customer));
        assertEquals(8, Store.stockOf(product));
    }
}
