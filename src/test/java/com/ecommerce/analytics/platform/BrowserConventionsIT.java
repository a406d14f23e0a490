package com.ecommerce.analytics.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.RawHttp;
import com.ecommerce.analytics.testing.Store;

import jakarta.ws.rs.core.Response;

/** What a browser front end, a BI tool or a proxy relies on: CORS, gzip, a request id through to the access log. */
class BrowserConventionsIT {

    private static final int GZIPPED_FROM = 1024;

    /** The test server allows this origin (CORS_ALLOWED_ORIGINS); by default no origin is allowed. */
    private static final String DASHBOARD = "https://dashboard.example";

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() throws Exception {
        RawHttp.Answer preflight = RawHttp.send("OPTIONS", "/api/orders/", Map.of("Origin", DASHBOARD,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type"),
                null);
        assertEquals(200, preflight.status(), preflight.toString());
        assertEquals(DASHBOARD, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"), preflight.headers().toString());
        assertTrue(preflight.header("Access-Control-Allow-Headers").toLowerCase(Locale.ROOT).contains("authorization"),
                preflight.headers().toString());

        RawHttp.Answer list = RawHttp.send("GET", "/api/categories/", Map.of("Origin", DASHBOARD,
                "Authorization", "Bearer " + Api.analyst()), null);
        assertEquals(200, list.status());
        assertEquals(DASHBOARD, list.header("Access-Control-Allow-Origin"));
        assertTrue(list.header("Access-Control-Expose-Headers").contains("X-Total-Count"), list.headers().toString());
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() throws Exception {
        RawHttp.Answer preflight = RawHttp.send("OPTIONS", "/api/orders/", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"), null);
        assertNull(preflight.header("Access-Control-Allow-Origin"), preflight.toString());
        RawHttp.Answer list = RawHttp.send("GET", "/api/categories/", Map.of("Origin", "https://evil.example",
                "Authorization", "Bearer " + Api.analyst()), null);
        assertNull(list.header("Access-Control-Allow-Origin"), list.headers().toString());
    }

    @Test
    void aRefusedTokenGetsAPlainJson401WithoutTheContainersMarkers() {
        for (String token : new String[] {null, "not-a-token"}) {
            var request = Api.request("api/products/");
            try (Response refused = token == null ? request.get() : request.header("Authorization", "Bearer " + token).get()) {
                assertEquals(401, refused.getStatus());
                assertNull(refused.getHeaderString("$WSEP"), refused.getHeaders().toString());
                String connection = refused.getHeaderString("Connection");
                assertTrue(connection == null || !connection.equalsIgnoreCase("close"), refused.getHeaders().toString());
                assertTrue(refused.readEntity(String.class).startsWith("{\"status\":401"));
            }
        }
    }

    @Test
    void bigJsonAnswersAreGzippedForClientsThatAcceptIt() throws Exception {
        String token = Api.analyst();
        RawHttp.Answer gzipped = RawHttp.send("GET", "/api/products/?limit=100", Map.of("Authorization", "Bearer " + token,
                "Accept-Encoding", "gzip"), null);
        assertEquals(200, gzipped.status());
        assertEquals("gzip", gzipped.header("Content-Encoding"), gzipped.headers().toString());
        RawHttp.Answer plain = RawHttp.send("GET", "/api/products/?limit=100", Map.of("Authorization", "Bearer " + token),
                null);
        assertNull(plain.header("Content-Encoding"), plain.headers().toString());
        assertTrue(plain.body().startsWith("["), plain.body());
    }

    /** Liberty's own compression starts at 2 KB; GzippedAnswers takes JSON and CSV from 1 KB. */
    @Test
    void jsonAnswersFromOneKilobyteAreGzippedAndSmallerOnesAreNot() throws Exception {
        for (int product = 0; product < 10; product++) {
            Store.product("1.00", 1); // enough products for a kilobyte, whatever else the store holds
        }
        String token = Api.analyst();
        HttpClient client = HttpClient.newHttpClient();
        String plain = "";
        int limit = 0;
        while (plain.getBytes(StandardCharsets.UTF_8).length < GZIPPED_FROM && limit < 100) {
            limit++;
            plain = client.send(productsRequest(token, limit, "identity"), HttpResponse.BodyHandlers.ofString()).body();
        }
        assertTrue(plain.getBytes(StandardCharsets.UTF_8).length < 2048, "between 1 and 2 KB: " + plain.length());
        HttpResponse<byte[]> gzipped = client.send(productsRequest(token, limit, "gzip"), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null), gzipped.headers().toString());
        assertTrue(gzipped.headers().allValues("Vary").toString().contains("Accept-Encoding"), gzipped.headers().toString());
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertEquals(plain, new String(unzipped.readAllBytes(), StandardCharsets.UTF_8), "gzipped once, the same JSON");
        }
        HttpResponse<String> small = client.send(productsRequest(token, 1, "gzip"), HttpResponse.BodyHandlers.ofString());
        assertTrue(small.headers().firstValue("Content-Encoding").isEmpty(), small.headers().toString());
        assertTrue(small.body().startsWith("["), small.body());
    }

    private static HttpRequest productsRequest(String token, int limit, String encoding) {
        return HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/api/products/?ordering=id&limit=" + limit))
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", encoding).build();
    }

    @Test
    void everyAnswerCarriesARequestIdThatTheAccessLogNames() throws Exception {
        String sent = Api.unique("req");
        RawHttp.Answer echoed = RawHttp.send("GET", "/", Map.of("X-Request-Id", sent), null);
        assertEquals(sent, echoed.header("X-Request-Id"));

        RawHttp.Answer generated = RawHttp.send("GET", "/api/products/", Map.of(), null);
        assertEquals(401, generated.status());
        assertTrue(generated.header("X-Request-Id").matches("[0-9a-f-]{36}"), generated.headers().toString());

        RawHttp.Answer replaced = RawHttp.send("GET", "/", Map.of("X-Request-Id", "<script>" + "x".repeat(200)), null);
        assertTrue(replaced.header("X-Request-Id").matches("[0-9a-f-]{36}"), replaced.headers().toString());

        Path accessLog = Path.of(System.getProperty("it.access.log"));
        String logged = "";
        for (int attempt = 0; attempt < 50 && !logged.contains(sent); attempt++) {
            Thread.sleep(100);
            logged = Files.exists(accessLog) ? Files.readString(accessLog) : "";
        }
        assertTrue(logged.lines().anyMatch(line -> line.contains("\"GET / HTTP/1.1\" 200") && line.endsWith(sent)),
                "the access log names the request id " + sent);
    }
}
