package com.ecommerce.analytics.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/**
 * Forty wrong passwords at once, each from its own address, cost a few hundred milliseconds of hashing each: they
 * wait their turn on the login threads while liveness and ordinary reads keep their usual speed.
 */
class LoginStormIT {

    private static final int LOGINS = 40;

    @Test
    void aStormOfWrongLoginsNeitherStallsLivenessNorOtherRequests() throws Exception {
        String token = Api.analyst();
        ExecutorService clients = Executors.newFixedThreadPool(LOGINS);
        try {
            List<Future<Integer>> logins = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                String address = "2001:db8:5707:" + Integer.toHexString((int) (System.nanoTime() & 0xffff)) + "::"
                        + Integer.toHexString(i + 1);
                logins.add(clients.submit(() -> {
                    try (Response response = Api.request("api/token/").header("X-Forwarded-For", address)
                            .post(Entity.json(Api.credentials(Api.unique("storm"), "wrong-password")))) {
                        return response.getStatus();
                    }
                }));
            }
            List<Long> livenessMillis = new ArrayList<>();
            List<Long> readMillis = new ArrayList<>();
            while (logins.stream().anyMatch(login -> !login.isDone())) {
                livenessMillis.add(timed(() -> Api.request("health/live").get()));
                readMillis.add(timed(() -> Api.request("api/categories/", token).get()));
                Thread.sleep(100);
            }
            for (Future<Integer> login : logins) {
                int status = login.get();
                assertTrue(status == 401 || status == 503, "a wrong login answered " + status);
            }
            assertTrue(livenessMillis.size() >= 5, "the storm was over before it could be watched: " + livenessMillis);
            long worstLiveness = livenessMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
            long worstRead = readMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(worstLiveness < 2_000, "/health/live took " + worstLiveness + " ms during the storm: " + livenessMillis);
            assertTrue(worstRead < 2_000, "a list of categories took " + worstRead + " ms during the storm: " + readMillis);
        } finally {
            clients.shutdownNow();
        }
        assertEquals(200, Api.request("api/token/").post(Entity.json(
                Api.credentials(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD))).getStatus());
    }

    private static long timed(Supplier<Response> call) {
        long start = System.nanoTime();
        try (Response response = call.get()) {
            assertEquals(200, response.getStatus());
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
