package com.ecommerce.analytics.platform.rest;

import java.io.StringReader;

import com.ecommerce.analytics.platform.json.JsonbConfiguration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * PATCH as DRF's partial update: the fields sent replace those of the current state (RFC 7396 merge
 * patch); the result is the same request record a PUT takes, validated the same way.
 */
public final class MergePatch {

    private MergePatch() {
    }

    public static <T> T apply(JsonObject patch, T current, Class<T> type) {
        JsonValue currentJson;
        try (var reader = Json.createReader(new StringReader(JsonbConfiguration.JSONB.toJson(current)))) {
            currentJson = reader.readValue();
        }
        JsonValue merged = Json.createMergePatch(patch).apply(currentJson);
        return JsonbConfiguration.JSONB.fromJson(merged.toString(), type);
    }
}
