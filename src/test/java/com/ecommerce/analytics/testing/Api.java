package com.ecommerce.analytics.testing;

import java.io.StringReader;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A REST client of the server that `mvn verify` started, as the platform's users call it. */
public final class Api {

    public static final String BASE_URL = System.getProperty("it.base.url", "http://localhost:9180");
    public static final String ADMIN_USERNAME = System.getProperty("it.admin.username", "it-admin");
    public static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-Secret-2026");

    private static final Client CLIENT = ClientBuilder.newBuilder()
            .property("jersey.config.client.followRedirects", false)
            .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true)
            .register(AnswersAgainstTheDocument.class)
            .build();

    private Api() {
    }

    public static Invocation.Builder request(String path) {
        return CLIENT.target(BASE_URL + "/" + path).request(MediaType.APPLICATION_JSON_TYPE);
    }

    public static Invocation.Builder request(String path, String accessToken) {
        return request(path).header("Authorization", "Bearer " + accessToken);
    }

    /** A request that accepts only the given media type. */
    public static Invocation.Builder request(String path, String accessToken, String accept) {
        return CLIENT.target(BASE_URL + "/" + path).request(accept).header("Authorization", "Bearer " + accessToken);
    }

    public static Response post(String path, String json) {
        return request(path).post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    public static Response post(String path, String accessToken, String json) {
        return request(path, accessToken).post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    public static Response put(String path, String accessToken, String json) {
        return request(path, accessToken).put(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    public static Response patch(String path, String accessToken, String json) {
        return request(path, accessToken).method("PATCH", Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    public static Response delete(String path, String accessToken) {
        return request(path, accessToken).delete();
    }

    /** Creates through the API, expecting 201, and returns the created representation. */
    public static JsonObject created(String path, String accessToken, String json) {
        try (Response response = post(path, accessToken, json)) {
            String body = response.readEntity(String.class);
            if (response.getStatus() != 201) {
                throw new AssertionError("POST " + path + " gave " + response.getStatus() + ": " + body);
            }
            return (JsonObject) parse(body);
        }
    }

    public static JsonObject getObject(String path, String accessToken) {
        try (Response response = request(path, accessToken).get()) {
            String body = response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new AssertionError("GET " + path + " gave " + response.getStatus() + ": " + body);
            }
            return (JsonObject) parse(body);
        }
    }

    /** The first element of a list answer. */
    public static JsonObject getObjectFromList(String path, String accessToken) {
        try (Response response = request(path, accessToken).get()) {
            String body = response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new AssertionError("GET " + path + " gave " + response.getStatus() + ": " + body);
            }
            return ((JsonArray) parse(body)).getJsonObject(0);
        }
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Credentials are checked with 600,000 PBKDF2 rounds; tests log in once per role and reuse the token. */
    private static String adminToken;

    public static synchronized String admin() {
        if (adminToken == null) {
            adminToken = adminToken();
        }
        return adminToken;
    }

    private static String analystToken;

    public static synchronized String analyst() {
        if (analystToken == null) {
            analystToken = tokenForNewUser("analyst");
        }
        return analystToken;
    }

    public static JsonObject login(String username, String password) {
        try (Response response = post("api/token/", credentials(username, password))) {
            if (response.getStatus() != 200) {
                throw new AssertionError("login of " + username + " failed: " + response.getStatus()
                        + " " + response.readEntity(String.class));
            }
            return object(response);
        }
    }

    public static String adminToken() {
        return login(ADMIN_USERNAME, ADMIN_PASSWORD).getString("access");
    }

    /** Creates an account with a unique name (through the API, as an admin would) and logs it in. */
    public static String tokenForNewUser(String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        try (Response created = post("api/users/", adminToken(),
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}")) {
            if (created.getStatus() != 201) {
                throw new AssertionError("could not create a user: " + created.readEntity(String.class));
            }
        }
        return login(username, password).getString("access");
    }

    public static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    public static JsonObject object(Response response) {
        return (JsonObject) parse(response.readEntity(String.class));
    }

    public static JsonStructure parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }
}
