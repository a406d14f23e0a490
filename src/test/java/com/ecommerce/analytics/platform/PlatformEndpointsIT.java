package com.ecommerce.analytics.platform;

import static com.ecommerce.analytics.testing.Api.adminToken;
import static com.ecommerce.analytics.testing.Api.post;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.RawHttp;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

class PlatformEndpointsIT {

    @Test
    void readinessReportsTheDatabase() {
        try (Response response = request("health/ready").get()) {
            assertEquals(200, response.getStatus());
            JsonObject health = Api.object(response);
            assertEquals("UP", health.getString("status"));
            JsonObject database = health.getJsonArray("checks").getJsonObject(0);
            assertEquals("database", database.getString("name"));
            assertEquals("UP", database.getString("status"));
            if ("mysql".equals(System.getProperty("it.database.engine"))) {
                assertTrue(database.getJsonObject("data").getString("product").matches("(?i)mysql|mariadb"),
                        "DATABASE_ENGINE=mysql runs on MySQL: " + database);
            }
        }
    }

    @Test
    void livenessReportsTheServer() {
        try (Response response = request("health/live").get()) {
            assertEquals(200, response.getStatus());
            JsonObject health = Api.object(response);
            assertEquals("UP", health.getString("status"));
            assertEquals("server", health.getJsonArray("checks").getJsonObject(0).getString("name"));
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheApiWithABearerScheme() {
        try (Response response = Api.request("openapi").accept("application/json").get()) {
            assertEquals(200, response.getStatus());
            JsonObject document = Api.object(response);
            JsonObject info = document.getJsonObject("info");
            assertEquals("E-commerce analytics platform", info.getString("title"));
            assertEquals("1.0.0", info.getString("version"));
            assertTrue(info.getString("description").contains("/api/token/"));
            JsonObject bearer = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer");
            assertEquals("http", bearer.getString("type"));
            assertEquals("bearer", bearer.getString("scheme"));
            JsonObject paths = document.getJsonObject("paths");
            assertTrue(paths.containsKey("/api/token"), paths.keySet().toString());
            assertTrue(paths.containsKey("/api/token/refresh"));
            assertTrue(paths.containsKey("/api/users"));
            assertEquals(0, paths.getJsonObject("/api/token").getJsonObject("post").getJsonArray("security").size(),
                    "logging in needs no token");
        }
    }

    /** The schemas name properties as the wire does (snake_case) and money as the decimal string it is. */
    @Test
    void theOpenApiSchemasUseTheWiresNamesAndDecimalStrings() {
        try (Response response = Api.request("openapi").accept("application/json").get()) {
            JsonObject schemas = Api.object(response).getJsonObject("components").getJsonObject("schemas");
            List<String> camelCase = new ArrayList<>();
            schemas.forEach((name, schema) -> {
                JsonObject properties = ((JsonObject) schema).getJsonObject("properties");
                if (properties != null) {
                    properties.keySet().stream().filter(property -> property.matches(".*[a-z][A-Z].*"))
                            .forEach(property -> camelCase.add(name + "." + property));
                }
            });
            assertEquals(List.of(), camelCase);
            JsonObject price = schemas.getJsonObject("ProductInput").getJsonObject("properties").getJsonObject("price");
            assertEquals("string", price.getString("type"));
            assertEquals("decimal", price.getString("format"));
            assertTrue(schemas.getJsonObject("UserView").getJsonObject("properties").containsKey("is_active"));
        }
    }

    @Test
    void theOpenApiUiIsServed() {
        try (Response response = Api.request("openapi/ui/").accept(MediaType.TEXT_HTML).get()) {
            assertEquals(200, response.getStatus());
        }
    }

    @Test
    void theEarlierServicesSwaggerUrlLeadsToTheOpenApiUi() {
        for (String path : new String[] {"swagger/", "swagger"}) {
            try (Response response = request(path).get()) {
                assertEquals(301, response.getStatus(), path);
                assertEquals("/openapi/ui/", response.getHeaderString("Location").replaceFirst("^https?://[^/]+", ""));
            }
        }
    }

    @Test
    void redocServesTheDocumentWithItsOwnBundleNotACdn() {
        try (Response page = request("redoc/").accept(MediaType.TEXT_HTML).get()) {
            assertEquals(200, page.getStatus());
            String html = page.readEntity(String.class);
            assertTrue(html.contains("<redoc spec-url=\"/openapi?format=JSON\">"), html);
            assertTrue(html.contains("<script src=\"redoc.standalone.js\">"), html);
            assertTrue(!html.contains("https://"), "no script from elsewhere: " + html);
        }
        try (Response bundle = request("redoc/redoc.standalone.js").accept("*/*").get()) {
            assertEquals(200, bundle.getStatus());
            assertTrue(bundle.getMediaType().toString().startsWith("text/javascript"), bundle.getMediaType().toString());
            assertTrue(bundle.readEntity(String.class).length() > 500_000, "the whole standalone bundle");
        }
        try (Response license = request("redoc/LICENSE").accept("*/*").get()) {
            assertTrue(license.readEntity(String.class).contains("MIT"));
        }
        try (Response bare = request("redoc").get()) {
            assertEquals(301, bare.getStatus());
            assertTrue(bare.getHeaderString("Location").endsWith("/redoc/"));
        }
    }

    /** The test server runs with PUBLIC_BASE_URL set: the examples name it, never the Host header a client sent. */
    @Test
    void theRootUrlIsALandingPageLinkingTheDocumentationHealthAndAFirstRequest() throws Exception {
        RawHttp.Answer page = RawHttp.send("GET", "/", Map.of("Host", "forged.example:1", "Accept", "text/html"), null);
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        for (String link : new String[] {"href=\"/openapi/ui/\"", "href=\"/redoc/\"", "href=\"/health/ready\"",
                "href=\"/health/live\"", Api.BASE_URL + "/api/token/"}) {
            assertTrue(page.body().contains(link), link + " in " + page.body());
        }
        assertTrue(!page.body().contains("forged.example"), page.body());
    }

    @Test
    void metricsAreClosedByDefaultToAnonymousClientsAnalystsAndPlainHttp() {
        try (Response anonymous = Api.request("metrics").accept(MediaType.TEXT_PLAIN).get()) {
            assertTrue(anonymous.getStatus() == 401 || anonymous.getStatus() == 403, "anonymous: " + anonymous.getStatus());
        }
        for (String token : new String[] {Api.analyst(), adminToken()}) {
            try (Response refused = Api.request("metrics", token).accept(MediaType.TEXT_PLAIN).get()) {
                assertEquals(403, refused.getStatus(), "only over HTTPS, to an admin");
            }
        }
    }

    @Test
    void anUnknownPathIsAJson404ForAnAuthenticatedClient() {
        try (Response response = request("api/no-such-collection/", adminToken()).get()) {
            assertJsonError(response, 404);
        }
    }

    @Test
    void aWrongMethodIsAJson405() {
        try (Response response = request("api/token/").get()) {
            assertJsonError(response, 405);
        }
    }

    @Test
    void malformedJsonIsAJson400() {
        try (Response response = post("api/token/", "{\"username\": ")) {
            assertJsonError(response, 400);
        }
        try (Response response = post("api/token/", "[1, 2]")) {
            assertJsonError(response, 400);
        }
    }

    @Test
    void aBodyThatIsNotJsonIsAJson415() {
        try (Response response = request("api/token/refresh/").post(Entity.entity("refresh=x",
                MediaType.APPLICATION_FORM_URLENCODED))) {
            assertJsonError(response, 415);
        }
    }
}
