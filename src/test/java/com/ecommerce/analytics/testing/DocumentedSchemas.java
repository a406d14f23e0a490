package com.ecommerce.analytics.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.serialization.JsonMapperFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Checks a response body against the schema that an OpenAPI 3.1 document declares for the operation and status. */
public final class DocumentedSchemas {

    // Any absolute IRI will do: it only gives "#/components/schemas/X" a document to resolve against.
    private static final String DOCUMENT_IRI = "https://openapi.invalid/openapi.json";

    private final JsonNode document;
    private final SchemaRegistry registry;

    private DocumentedSchemas(String openApiJson) {
        this.document = JsonMapperFactory.getInstance().readTree(openApiJson);
        // OpenAPI 3.1 schemas are JSON Schema 2020-12; in it OpenAPI's own keywords (discriminator, xml, example)
        // and formats such as "decimal" are annotations, not assertions.
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, openApiJson)));
    }

    public static DocumentedSchemas of(String openApiJson) {
        return new DocumentedSchemas(openApiJson);
    }

    /** What is wrong with the body, one line each; empty when it is what the document promises. */
    public List<String> violations(String pathTemplate, String method, int status, String responseJson) {
        DocumentedResponse response = DocumentedResponse.find(document, pathTemplate, method, status);
        if (response.schemaPointer() == null) {
            return List.of(response.description() + " is not documented: " + response.missing());
        }
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + response.schemaPointer()));
        try {
            return schema.validate(responseJson, InputFormat.JSON).stream()
                    .map(DocumentedSchemas::describe)
                    .toList();
        } catch (JacksonException notJson) {
            return List.of(response.description() + " body is not JSON: " + notJson.getOriginalMessage());
        }
    }

    // The library names the whole body with an empty JSON pointer, which reads as nothing at all.
    private static String describe(Error error) {
        String location = error.getInstanceLocation().toString();
        return (location.isEmpty() ? "(body)" : location) + ": " + error.getMessage();
    }

    public void assertValid(String pathTemplate, String method, int status, String responseJson) {
        List<String> violations = violations(pathTemplate, method, status, responseJson);
        if (!violations.isEmpty()) {
            fail(method.toUpperCase(Locale.ROOT) + " " + pathTemplate + " " + status
                    + " does not match the OpenAPI document:\n  " + String.join("\n  ", violations)
                    + "\nbody: " + responseJson);
        }
    }

    /**
     * Where the schema of one documented response lives in the document, as a JSON pointer, or what is missing.
     * Status lookup follows OpenAPI precedence: the exact code, then its range (2XX), then "default".
     */
    private record DocumentedResponse(String description, String schemaPointer, String missing) {

        private static final String MEDIA_TYPE = "application/json";

        static DocumentedResponse find(JsonNode document, String pathTemplate, String method, int status) {
            String operationMethod = method.toLowerCase(Locale.ROOT);
            String description = method.toUpperCase(Locale.ROOT) + " " + pathTemplate + " " + status;
            JsonNode operation = document.path("paths").path(pathTemplate).path(operationMethod);
            if (!operation.isObject()) {
                return missing(description, "no such operation");
            }
            JsonNode responses = operation.path("responses");
            String statusKey = firstPresent(responses, String.valueOf(status), (status / 100) + "XX", "default");
            if (statusKey == null) {
                return missing(description, "no response for status " + status + " nor a default one");
            }
            if (!responses.path(statusKey).path("content").path(MEDIA_TYPE).has("schema")) {
                return missing(description, "response " + statusKey + " has no " + MEDIA_TYPE + " schema");
            }
            String pointer = JsonPointer.of("paths", pathTemplate, operationMethod, "responses", statusKey,
                    "content", MEDIA_TYPE, "schema");
            return new DocumentedResponse(description, pointer, null);
        }

        private static DocumentedResponse missing(String description, String what) {
            return new DocumentedResponse(description, null, what);
        }

        private static String firstPresent(JsonNode node, String... names) {
            for (String name : names) {
                if (node.has(name)) {
                    return name;
                }
            }
            return null;
        }
    }

    /** RFC 6901: path templates contain '/', which must not split the token. */
    private static final class JsonPointer {

        private JsonPointer() {
        }

        static String of(String... tokens) {
            StringBuilder pointer = new StringBuilder();
            for (String token : tokens) {
                pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
            }
            return pointer.toString();
        }
    }
}
