package com.ecommerce.analytics.security.boundary;

import static com.ecommerce.analytics.testing.Api.adminToken;
import static com.ecommerce.analytics.testing.Api.login;
import static com.ecommerce.analytics.testing.Api.post;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

class UsersIT {

    private static String newUser(String username, String password, String role) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}";
    }

    @Test
    void anAdminCreatesAnAnalystWhoCanThenLogIn() {
        String username = "ana-" + UUID.randomUUID().toString().substring(0, 8);
        try (Response created = post("api/users/", adminToken(), newUser(username, "a-long-password", "analyst"))) {
            assertEquals(201, created.getStatus());
            JsonObject user = Api.object(created);
            assertEquals(username, user.getString("username"));
            assertEquals("analyst", user.getString("role"));
            assertTrue(user.getBoolean("is_active"));
            assertTrue(created.getLocation().getPath().endsWith("/api/users/" + user.getJsonNumber("id") + "/"));
            assertTrue(!user.containsKey("password") && !user.containsKey("password_hash"));
        }
        assertEquals("analyst", decodeGroups(login(username, "a-long-password").getString("access")));
        try (Response list = request("api/users/", adminToken()).get()) {
            JsonArray users = (JsonArray) Api.parse(list.readEntity(String.class));
            assertTrue(users.stream().map(JsonObject.class::cast).anyMatch(u -> u.getString("username").equals(username)));
        }
    }

    @Test
    void aTakenUsernameIs409() {
        String username = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = adminToken();
        try (Response first = post("api/users/", admin, newUser(username, "a-long-password", "analyst"))) {
            assertEquals(201, first.getStatus());
        }
        try (Response second = post("api/users/", admin, newUser(username, "another-password", "admin"))) {
            assertJsonError(second, 409);
        }
    }

    @Test
    void invalidAccountsAre400NamingEveryBadField() {
        try (Response response = post("api/users/", adminToken(), newUser("bad name!", "short", "root"))) {
            JsonObject error = assertJsonError(response, 400);
            List<String> fields = error.getJsonArray("fields").stream()
                    .map(f -> ((JsonObject) f).getString("field")).toList();
            assertEquals(List.of("password", "role", "username"), fields);
        }
    }

    private static String decodeGroups(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return ((JsonObject) Api.parse(payload)).getJsonArray("groups").getString(0);
    }
}
