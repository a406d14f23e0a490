package com.ecommerce.analytics.platform.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.DocumentedSchemas;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/** The OpenAPI document as a client generator reads it, and real answers checked against what it declares. */
class OpenApiDocumentIT {

    private static String documentJson;
    private static JsonObject document;

    @BeforeAll
    static void readTheDocument() {
        try (Response response = Api.request("openapi").accept("application/json").get()) {
            assertEquals(200, response.getStatus());
            documentJson = response.readEntity(String.class);
        }
        document = Api.parse(documentJson).asJsonObject();
    }

    @Test
    void everyOperationHasAUniqueOperationIdThatReadsAsAMethodName() {
        TreeMap<String, String> ids = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> {
            String id = operation.getString("operationId", null);
            if (id == null || !id.matches("[a-z][A-Za-z]+") || id.contains("Resource")) {
                problems.add(name + " has operationId " + id);
            } else if (ids.put(id, name) != null) {
                problems.add(name + " repeats operationId " + id + " of " + ids.get(id));
            }
        });
        assertEquals(List.of(), problems, "operationIds: " + ids);
        assertEquals("/api/products get", ids.get("listProducts"));
        assertTrue(ids.containsKey("getProduct") && ids.containsKey("deleteProduct"), ids.toString());
    }

    @Test
    void everyErrorResponseIsTheSharedErrorShapeAndEveryGuardedOperationDocuments401() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> {
            JsonObject responses = operation.getJsonObject("responses");
            boolean guarded = !operation.containsKey("security") || !operation.getJsonArray("security").isEmpty();
            if (guarded && !responses.containsKey("401")) {
                problems.add(name + " documents no 401");
            }
            responses.forEach((status, response) -> {
                if (status.matches("[45]\\d\\d")) {
                    String ref = response.asJsonObject().getJsonObject("content").getJsonObject("application/json")
                            .getJsonObject("schema").getString("$ref", "");
                    if (!ref.equals("#/components/schemas/Error")) {
                        problems.add(name + " " + status + " answers " + ref);
                    }
                }
            });
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void revalidatedAnswersDocumentTheirETagAnd304AndListsTheirCsv() {
        for (String path : List.of("/api/analytics/sales", "/api/analytics/customers", "/api/customer/{id}/clv")) {
            JsonObject operation = document.getJsonObject("paths").getJsonObject(path).getJsonObject("get");
            assertTrue(operation.getJsonArray("parameters").stream().map(JsonObject.class::cast)
                    .anyMatch(p -> p.getString("name").equals("If-None-Match") && p.getString("in").equals("header")), path);
            JsonObject responses = operation.getJsonObject("responses");
            assertTrue(responses.containsKey("304"), path);
            assertTrue(responses.getJsonObject("200").getJsonObject("headers").containsKey("ETag"), path);
            assertTrue(responses.getJsonObject("200").getJsonObject("content").containsKey("text/csv"), path);
            assertFalse(operation.toString().contains(OpenApiConventions.REVALIDATED), "the internal mark is left out: " + path);
        }
    }

    @Test
    void realErrorAnswersAreTheDocumentedErrorShape() {
        DocumentedSchemas schemas = DocumentedSchemas.of(documentJson);
        try (Response noToken = Api.request("api/products/").get()) {
            schemas.assertValid("/api/products", "get", noToken.getStatus(), noToken.readEntity(String.class));
        }
        try (Response missing = Api.request("api/products/999999999/", Api.analyst()).get()) {
            assertEquals(404, missing.getStatus());
            schemas.assertValid("/api/products/{id}", "get", 404, missing.readEntity(String.class));
        }
        try (Response invalid = Api.post("api/products/", Api.admin(), "{\"name\":\"\",\"price\":\"-1\"}")) {
            assertEquals(400, invalid.getStatus());
            schemas.assertValid("/api/products", "post", 400, invalid.readEntity(String.class));
        }
        try (Response wrongLogin = Api.request("api/token/")
                .post(Entity.json(Api.credentials(Api.unique("nobody"), "wrong-password")))) {
            assertEquals(401, wrongLogin.getStatus());
            schemas.assertValid("/api/token", "post", 401, wrongLogin.readEntity(String.class));
        }
    }

    @Test
    void realAnswersMatchTheirDocumentedSchemas() {
        DocumentedSchemas schemas = DocumentedSchemas.of(documentJson);
        String token = Api.analyst();
        List<String> problems = new ArrayList<>();
        for (String[] call : new String[][] {
                {"api/products/?limit=3", "/api/products"},
                {"api/categories/", "/api/categories"},
                {"api/customers/?limit=3", "/api/customers"},
                {"api/orders/?limit=3", "/api/orders"},
                {"api/inventory/?limit=3", "/api/inventory"}}) {
            try (Response response = Api.request(call[0], token).get()) {
                problems.addAll(schemas.violations(call[1], "get", response.getStatus(), response.readEntity(String.class)));
            }
        }
        try (Response login = Api.request("api/token/").post(Entity.json(Api.credentials(Api.ADMIN_USERNAME,
                Api.ADMIN_PASSWORD)))) {
            problems.addAll(schemas.violations("/api/token", "post", login.getStatus(), login.readEntity(String.class)));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyOperationAndParameterIsDescribed() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> {
            for (String part : List.of("summary", "description")) {
                if (operation.getString(part, "").isBlank()) {
                    problems.add(name + " has no " + part);
                }
            }
            (operation.containsKey("parameters") ? operation.getJsonArray("parameters") : JsonValue.EMPTY_JSON_ARRAY)
                    .stream().map(JsonValue::asJsonObject)
                    .filter(parameter -> parameter.getString("description", "").isBlank() || !parameter.containsKey("schema"))
                    .forEach(parameter -> problems.add(name + " parameter " + parameter.getString("name")
                            + " has no description or schema"));
        });
        assertEquals(List.of(), problems);
    }

    /** Examples are recorded answers (OpenApiExamplesRecorderIT); each must still match what the document says. */
    @Test
    void everyJsonAnswerHasARealExampleThatMatchesItsSchema() {
        DocumentedSchemas schemas = DocumentedSchemas.of(documentJson);
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> operation.getJsonObject("responses").forEach((status, response) -> {
            JsonObject json = response.asJsonObject().containsKey("content")
                    ? response.asJsonObject().getJsonObject("content").getJsonObject("application/json") : null;
            if (json == null || !status.matches("\\d{3}")) {
                return;
            }
            JsonObject examples = json.getJsonObject("examples");
            if (examples == null || examples.isEmpty()) {
                if (status.startsWith("2") || List.of("400", "401", "404").contains(status)) {
                    problems.add(name + " " + status + " has no example");
                }
                return;
            }
            String[] pathAndMethod = name.split(" ");
            examples.forEach((example, value) -> schemas.violations(pathAndMethod[0], pathAndMethod[1],
                            Integer.parseInt(status), resolved(value.asJsonObject()).get("value").toString())
                    .forEach(violation -> problems.add(name + " " + status + " '" + example + "': " + violation)));
        }));
        assertEquals(List.of(), problems);
    }

    private static JsonObject resolved(JsonObject example) {
        String ref = example.getString("$ref", null);
        return ref == null ? example : document.getJsonObject("components").getJsonObject("examples")
                .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private interface OperationVisitor {
        void visit(String name, JsonObject operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        Set<String> methods = new HashSet<>(List.of("get", "put", "post", "delete", "patch", "head", "options"));
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (methods.contains(method) && operation.getValueType() == JsonValue.ValueType.OBJECT) {
                visitor.visit(path + " " + method, operation.asJsonObject());
            }
        }));
    }
}
