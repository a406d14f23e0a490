package com.ecommerce.analytics.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The admin's calls of the fault benchmark (log in, build the store, rebuild the aggregates) against one address,
 * the load balancer's, with java.net.http: the IT helpers are bound to the server the build started.
 */
final class ShopClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String username;
    private final String password;

    ShopClient(URI base, String username, String password) {
        this.base = base;
        this.username = username;
        this.password = password;
    }

    /** An admin's access token; tries for a minute, since a login may meet an instance that is just starting. */
    String adminToken() throws InterruptedException {
        String credentials = Json.createObjectBuilder().add("username", username).add("password", password).build()
                .toString();
        long giveUp = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                HttpResponse<String> answer = send(post("api/token/", null, credentials));
                if (answer.statusCode() == 200) {
                    return parse(answer.body()).getString("access");
                }
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("login gave " + answer.statusCode() + ": " + answer.body());
                }
            } catch (IOException e) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("login failed", e);
                }
            }
            Thread.sleep(1_000);
        }
    }

    long category(String token) throws IOException, InterruptedException {
        return created("api/categories/", token, "{\"name\":\"Cluster " + unique() + "\"}");
    }

    /** A product with its stock record. */
    long product(String token, long category, String price, int stock) throws IOException, InterruptedException {
        long product = created("api/products/", token, "{\"name\":\"Item " + unique() + "\",\"SKU\":\"SKU-" + unique()
                + "\",\"price\":\"" + price + "\",\"category\":" + category + "}");
        created("api/inventory/", token, "{\"product\":" + product + ",\"quantity\":" + stock + "}");
        return product;
    }

    long customer(String token) throws IOException, InterruptedException {
        return created("api/customers/", token, "{\"name\":\"Buyer\",\"email\":\"buyer-" + unique()
                + "@example.com\",\"country\":\"DE\"}");
    }

    /** POST /api/analytics/rebuild/: the repair's answer. */
    JsonObject rebuild(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/analytics/rebuild/"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("rebuild gave " + answer.statusCode() + ": " + answer.body());
        }
        return parse(answer.body());
    }

    private long created(String path, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(post(path, token, json));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " gave " + answer.statusCode() + ": " + answer.body());
        }
        return parse(answer.body()).getJsonNumber("id").longValue();
    }

    private HttpRequest post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
