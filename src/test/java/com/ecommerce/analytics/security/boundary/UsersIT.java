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

    @Test
    void usernamesAreOneAccountWhateverTheirCase() {
        String username = "Case-" + UUID.randomUUID().toString().substring(0, 8);
        try (Response first = post("api/users/", adminToken(), newUser(username, "a-long-password", "analyst"))) {
            assertEquals(201, first.getStatus());
        }
        try (Response second = post("api/users/", adminToken(), newUser(username.toUpperCase(), "a-long-password", "admin"))) {
            assertJsonError(second, 409);
        }
        assertEquals("analyst", decodeGroups(login(username.toLowerCase(), "a-long-password").getString("access")));
    }

    @Test
    void anAdminReadsChangesAndDeletesAUser() {
        String username = "chg-" + UUID.randomUUID().toString().substring(0, 8);
        long id = created(username, "a-long-password", "analyst");
        assertEquals(username, Api.getObject("api/users/" + id + "/", adminToken()).getString("username"));
        try (Response changed = Api.patch("api/users/" + id + "/", adminToken(),
                "{\"role\":\"admin\",\"password\":\"another-long-password\"}")) {
            assertEquals(200, changed.getStatus());
            assertEquals("admin", Api.object(changed).getString("role"));
        }
        assertEquals("admin", decodeGroups(login(username, "another-long-password").getString("access")));
        assertEquals(401, loginStatus(username, "a-long-password"), "the old password is gone");
        try (Response bad = Api.patch("api/users/" + id + "/", adminToken(), "{\"role\":\"root\",\"password\":\"short\"}")) {
            assertEquals(400, bad.getStatus());
        }
        try (Response deleted = Api.delete("api/users/" + id + "/", adminToken())) {
            assertEquals(204, deleted.getStatus());
        }
        try (Response gone = request("api/users/" + id + "/", adminToken()).get()) {
            assertJsonError(gone, 404);
        }
        assertEquals(401, loginStatus(username, "another-long-password"));
    }

    @Test
    void aDeactivatedUsersTokensStopAtOnceAndItCannotLogIn() {
        String username = "off-" + UUID.randomUUID().toString().substring(0, 8);
        long id = created(username, "a-long-password", "analyst");
        JsonObject tokens = login(username, "a-long-password");
        try (Response before = request("api/products/?limit=1", tokens.getString("access")).get()) {
            assertEquals(200, before.getStatus());
        }
        try (Response off = Api.patch("api/users/" + id + "/", adminToken(), "{\"is_active\":false}")) {
            assertEquals(200, off.getStatus());
            assertEquals(false, Api.object(off).getBoolean("is_active"));
        }
        try (Response after = request("api/products/?limit=1", tokens.getString("access")).get()) {
            assertJsonError(after, 401);
        }
        try (Response refresh = post("api/token/refresh/", "{\"refresh\":\"" + tokens.getString("refresh") + "\"}")) {
            assertJsonError(refresh, 401);
        }
        assertEquals(401, loginStatus(username, "a-long-password"));
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOneAndEveryLoginEnds() {
        String username = "own-" + UUID.randomUUID().toString().substring(0, 8);
        created(username, "a-long-password", "analyst");
        String access = login(username, "a-long-password").getString("access");
        try (Response wrong = post("api/users/me/password/", access,
                "{\"current_password\":\"not-it-at-all\",\"new_password\":\"a-new-long-password\"}")) {
            JsonObject error = assertJsonError(wrong, 400);
            assertEquals("current_password", error.getJsonArray("fields").getJsonObject(0).getString("field"));
        }
        try (Response changed = post("api/users/me/password/", access,
                "{\"current_password\":\"a-long-password\",\"new_password\":\"a-new-long-password\"}")) {
            assertEquals(204, changed.getStatus());
        }
        try (Response after = request("api/products/?limit=1", access).get()) {
            assertJsonError(after, 401);
        }
        assertEquals(200, loginStatus(username, "a-new-long-password"));
    }

    private static long created(String username, String password, String role) {
        return Api.created("api/users/", adminToken(), newUser(username, password, role)).getJsonNumber("id").longValue();
    }

    private static int loginStatus(String username, String password) {
        try (Response response = post("api/token/", Api.credentials(username, password))) {
            return response.getStatus();
        }
    }

    private static String decodeGroups(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return ((JsonObject) Api.parse(payload)).getJsonArray("groups").getString(0);
    }
}
