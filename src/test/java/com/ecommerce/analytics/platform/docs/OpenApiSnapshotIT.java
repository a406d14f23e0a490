package com.ecommerce.analytics.platform.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.Response;

/**
 * docs/openapi.json, from which the build generates the Java client that GeneratedClientIT uses, is the document the
 * server serves (its servers aside, which name the test server's port). A change of the API shows as a change of
 * that file in review; when this fails, the served document is in target/openapi-served.json to copy over it.
 */
class OpenApiSnapshotIT {

    private static final Path COMMITTED = Path.of("docs", "openapi.json");
    private static final Path SERVED = Path.of("target", "openapi-served.json");

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        JsonObject served;
        try (Response response = Api.request("openapi").accept("application/json").get()) {
            assertEquals(200, response.getStatus());
            served = withoutServers(Api.parse(response.readEntity(String.class)).asJsonObject());
        }
        JsonObject committed = Files.exists(COMMITTED)
                ? withoutServers(Json.createReader(new StringReader(Files.readString(COMMITTED))).readObject())
                : JsonObject.EMPTY_JSON_OBJECT;
        if (!served.equals(committed)) {
            Files.writeString(SERVED, pretty(served), StandardCharsets.UTF_8);
        }
        assertTrue(served.equals(committed), "The API's document changed: review " + SERVED + " and copy it to " + COMMITTED);
    }

    private static JsonObject withoutServers(JsonObject document) {
        return Json.createObjectBuilder(document).remove("servers").build();
    }

    static String pretty(JsonObject document) {
        JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        StringWriter text = new StringWriter();
        writers.createWriter(text).write(document);
        return text.toString().strip() + "\n";
    }
}
