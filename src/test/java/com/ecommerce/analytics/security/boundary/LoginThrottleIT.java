package com.ecommerce.analytics.security.boundary;

import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/**
 * Failed logins are counted per account and per client address (as the proxy names it in X-Forwarded-For; the
 * test client stands in for clients behind one): ten for an account, fifty for an address, in fifteen minutes.
 */
class LoginThrottleIT {

    @Test
    void tenFailuresForAnAccountAre429WithRetryAfterEvenForTheRightPasswordFromAnywhere() {
        String username = newAnalyst();
        String address = someAddress();
        for (int i = 0; i < 10; i++) {
            assertEquals(401, login(username, "wrong-password-" + i, address).getStatus());
        }
        try (Response throttled = login(username, "wrong-password-again", address)) {
            JsonObject error = assertJsonError(throttled, 429);
            int retryAfter = Integer.parseInt(throttled.getHeaderString("Retry-After"));
            assertTrue(retryAfter > 0 && retryAfter <= 900, "Retry-After " + retryAfter + ": " + error);
        }
        try (Response right = login(username, "a-long-password", someAddress())) {
            assertJsonError(right, 429);
        }
    }

    @Test
    void fiftyFailuresFromOneAddressAre429ForEveryAccountFromThereButNotFromElsewhere() throws Exception {
        String address = someAddress();
        ExecutorService clients = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> failures = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String stranger = Api.unique("nobody");
                failures.add(clients.submit(() -> {
                    try (Response response = login(stranger, "any-password", address)) {
                        return response.getStatus();
                    }
                }));
            }
            for (Future<Integer> failure : failures) {
                assertEquals(401, failure.get());
            }
        } finally {
            clients.shutdown();
        }
        String username = newAnalyst();
        try (Response fromThere = login(username, "a-long-password", address)) {
            assertJsonError(fromThere, 429);
        }
        try (Response fromElsewhere = login(username, "a-long-password", someAddress())) {
            assertEquals(200, fromElsewhere.getStatus());
        }
    }

    private static String newAnalyst() {
        String username = Api.unique("thr");
        Api.created("api/users/", Api.admin(), "{\"username\":\"" + username
                + "\",\"password\":\"a-long-password\",\"role\":\"analyst\"}");
        return username;
    }

    /** An address of the IPv6 documentation prefix, new for each test run. */
    private static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("2001:db8:%x:%x::%x", random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(1, 0x10000));
    }

    private static Response login(String username, String password, String address) {
        return Api.request("api/token/").header("X-Forwarded-For", address)
                .post(Entity.json(Api.credentials(username, password)));
    }
}
