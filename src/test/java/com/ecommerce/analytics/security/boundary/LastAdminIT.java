package com.ecommerce.analytics.security.boundary;

import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.StoreDatabase;

import jakarta.ws.rs.core.Response;

/**
 * The store always keeps an active admin. The other admins of the test store are set aside for the test (made
 * inactive in the database and restored after), so that the test's own admin is the last one.
 */
@ExtendWith(ArquillianExtension.class)
class LastAdminIT {

    @Deployment(testable = false)
    static WebArchive storeDatabase() {
        return StoreDatabase.deployment();
    }

    @ArquillianResource
    URL storeDatabaseUrl;

    @Test
    void theLastActiveAdminCannotBeDeactivatedDemotedOrDeleted() {
        StoreDatabase database = new StoreDatabase(storeDatabaseUrl);
        String admin = Api.admin();
        long self = Long.parseLong(database.value("SELECT id FROM app_user WHERE username_key = ?",
                Api.ADMIN_USERNAME.toLowerCase()));
        String others = "role = 'admin' AND is_active = TRUE AND id <> " + self;
        String marker = "set-aside-" + System.nanoTime();
        database.update("UPDATE app_user SET is_active = FALSE, password_hash = CONCAT(?, password_hash) WHERE " + others,
                marker + "|");
        try {
            for (String change : new String[] {"{\"is_active\":false}", "{\"role\":\"analyst\"}"}) {
                try (Response refused = Api.patch("api/users/" + self + "/", admin, change)) {
                    assertJsonError(refused, 409);
                }
            }
            try (Response refused = Api.delete("api/users/" + self + "/", admin)) {
                assertJsonError(refused, 409);
            }
            assertEquals(1, database.count("SELECT COUNT(*) FROM app_user WHERE id = ? AND is_active = TRUE AND role = 'admin'",
                    self));
        } finally {
            database.update("UPDATE app_user SET is_active = TRUE, password_hash = SUBSTRING(password_hash, "
                    + (marker.length() + 2) + ") WHERE password_hash LIKE ?", marker + "|%");
        }
        try (Response list = Api.request("api/users/", admin).get()) {
            assertEquals(200, list.getStatus(), "the admin's token kept working");
        }
    }
}
