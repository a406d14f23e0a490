package com.ecommerce.analytics.platform;

import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.ws.rs.core.Response;

/** The earlier service's clients call every collection and item with or without the trailing slash. */
class CollectionUrlsIT {

    private static final String[] COLLECTIONS = {"products", "categories", "tags", "customers", "orders",
            "order-items", "inventory"};

    @Test
    void everyCollectionAnswersWithAndWithoutTheTrailingSlash() {
        for (String collection : COLLECTIONS) {
            for (String path : new String[] {"api/" + collection + "/", "api/" + collection}) {
                try (Response response = request(path + "?limit=1", analyst()).get()) {
                    assertEquals(200, response.getStatus(), path);
                    assertEquals(true, response.getHeaderString("X-Total-Count") != null, path);
                }
            }
        }
    }

    @Test
    void itemsAnswerWithAndWithoutTheTrailingSlash() {
        long customer = Store.customer("IE");
        for (String path : new String[] {"api/customers/" + customer + "/", "api/customers/" + customer}) {
            try (Response response = request(path, analyst()).get()) {
                assertEquals(200, response.getStatus(), path);
            }
        }
    }

    @Test
    void everyCollectionNeedsATokenAndOnlyAdminsWrite() {
        for (String collection : COLLECTIONS) {
            try (Response anonymous = request("api/" + collection + "/").get()) {
                assertJsonError(anonymous, 401);
            }
            try (Response write = Api.post("api/" + collection + "/", analyst(), "{}")) {
                assertJsonError(write, 403);
            }
            try (Response replace = Api.put("api/" + collection + "/1/", analyst(), "{}")) {
                assertJsonError(replace, 403);
            }
            try (Response delete = Api.delete("api/" + collection + "/1/", analyst())) {
                assertJsonError(delete, 403);
            }
        }
    }
}
