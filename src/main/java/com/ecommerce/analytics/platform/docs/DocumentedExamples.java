package com.ecommerce.analytics.platform.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonReader;

/**
 * The document's examples: real answers of the demo store, recorded by OpenApiExamplesRecorderIT into
 * META-INF/openapi-examples.json (by operationId and status, and one per error status for every operation), so
 * that they always have the shape the service sends; OpenApiDocumentIT validates each against its schema.
 */
final class DocumentedExamples {

    private static final String RESOURCE = "META-INF/openapi-examples.json";
    private static final String JSON = "application/json";

    private final JsonObject operations;
    private final JsonObject errors;

    private DocumentedExamples(JsonObject examples) {
        this.operations = examples.getJsonObject("operations");
        this.errors = examples.getJsonObject("errors");
    }

    static DocumentedExamples load() {
        try (InputStream in = DocumentedExamples.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new DocumentedExamples(Json.createObjectBuilder().add("operations", JsonValue.EMPTY_JSON_OBJECT)
                        .add("errors", JsonValue.EMPTY_JSON_OBJECT).build());
            }
            try (JsonReader reader = Json.createReader(in)) {
                return new DocumentedExamples(reader.readObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Error examples are the same for every operation: they live once under components and are referenced. */
    void addErrorsTo(Components components) {
        errors.forEach((status, named) -> named.asJsonObject().forEach((name, value) ->
                components.addExample(errorExampleName(status), OASFactory.createExample().summary(name).value(plain(value)))));
    }

    private static String errorExampleName(String status) {
        return "Error" + status;
    }

    void addTo(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        JsonObject own = operations.getJsonObject(String.valueOf(operation.getOperationId()));
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            String status = response.getKey();
            MediaType json = response.getValue().getContent() == null ? null
                    : response.getValue().getContent().getMediaType(JSON);
            if (json == null || json.getExamples() != null || json.getExample() != null) {
                continue;
            }
            if (own != null && own.containsKey(status)) {
                own.getJsonObject(status).forEach((name, value) ->
                        json.addExample(name, OASFactory.createExample().value(plain(value))));
            } else if (errors.containsKey(status)) {
                String name = errorExampleName(status);
                json.addExample(name, OASFactory.createExample().ref("#/components/examples/" + name));
            }
        }
    }

    /** The value as the document's model holds examples: maps, lists, strings, numbers, booleans. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                value.asJsonObject().forEach((name, member) -> object.put(name, plain(member)));
                yield object;
            }
            case ARRAY -> {
                List<Object> array = ((JsonArray) value).stream().map(DocumentedExamples::plain).toList();
                yield array;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? ((JsonNumber) value).bigIntegerValue()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
