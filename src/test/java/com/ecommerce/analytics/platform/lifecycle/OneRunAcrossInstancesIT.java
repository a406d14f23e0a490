package com.ecommerce.analytics.platform.lifecycle;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;
import com.ecommerce.analytics.testing.StoreDatabase;

import jakarta.ws.rs.core.Response;

/**
 * A customer model fit, a demand forecast build and a recommendation model build run on one instance at a time, whichever instance is asked: another
 * instance's run shows as its lease in job_lease (written here as that instance would write it), and a lease its dead
 * holder stopped renewing lapses.
 */
@ExtendWith(ArquillianExtension.class)
class OneRunAcrossInstancesIT {

    @Deployment(testable = false)
    static WebArchive storeDatabase() {
        return StoreDatabase.deployment();
    }

    @ArquillianResource
    URL storeDatabaseUrl;

    @AfterEach
    void freeTheLeases() {
        database().update("UPDATE job_lease SET holder = NULL, lease_until = 0 WHERE holder = 'another-instance'");
    }

    @Test
    void aFitAskedWhileAnotherInstanceFitsIsAConflictAndTheRunningFitKeepsItsLease() {
        heldByAnotherInstance("customer_model_fit", System.currentTimeMillis() + 60_000);
        assertJsonError(Api.post("api/analytics/customer-models/rebuild/", admin(), "{}"), 409);
        assertEquals("another-instance", holderOf("customer_model_fit"));
    }

    @Test
    void aForecastBuildAskedWhileAnotherInstanceBuildsIsAConflict() {
        Store.analyticsCaughtUp();
        heldByAnotherInstance("demand_forecast_build", System.currentTimeMillis() + 60_000);
        assertJsonError(Api.post("api/analytics/inventory/forecast/rebuild/", admin(), "{}"), 409);
        assertEquals("another-instance", holderOf("demand_forecast_build"));
    }

    @Test
    void aRecommendationBuildAskedWhileAnotherInstanceBuildsIsAConflictAndTheModelInUseStays() {
        String inUse = database().value("SELECT active_model_id FROM recommendation_state WHERE id = 1");
        heldByAnotherInstance("recommendation_model_build", System.currentTimeMillis() + 60_000);
        assertJsonError(Api.post("api/recommendations/rebuild/", admin(), "{}"), 409);
        assertEquals("another-instance", holderOf("recommendation_model_build"));
        assertEquals(inUse, database().value("SELECT active_model_id FROM recommendation_state WHERE id = 1"));
    }

    @Test
    void aLeaseWhoseHolderDiedLapsesAndTheNextRunTakesItAndFreesIt() {
        heldByAnotherInstance("customer_model_fit", System.currentTimeMillis() - 1);
        try (Response fit = Api.post("api/analytics/customer-models/rebuild/", admin(), "{}")) {
            assertNotEquals(409, fit.getStatus(), "the lapsed lease does not stop the fit");
        }
        assertEquals("", holderOf("customer_model_fit"), "freed when the fit ended");
    }

    private void heldByAnotherInstance(String job, long untilMillis) {
        assertEquals(1, database().update("UPDATE job_lease SET holder = 'another-instance', lease_until = ? "
                + "WHERE job = ?", untilMillis, job));
    }

    private String holderOf(String job) {
        return database().value("SELECT holder FROM job_lease WHERE job = ?", job);
    }

    private StoreDatabase database() {
        return new StoreDatabase(storeDatabaseUrl);
    }
}
