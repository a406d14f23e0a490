package com.ecommerce.analytics.platform.json;

import java.util.Locale;

import jakarta.json.bind.annotation.JsonbProperty;

/** The JSON spelling of a Java property: the earlier service's snake_case, as JSON-B writes it. */
public final class JsonNames {

    private JsonNames() {
    }

    /** The name a property of {@code owner} has in JSON, honouring @JsonbProperty ("SKU"). */
    public static String of(Class<?> owner, String javaName) {
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                JsonbProperty renamed = type.getDeclaredField(javaName).getAnnotation(JsonbProperty.class);
                return renamed != null ? renamed.value() : of(javaName);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return of(javaName);
    }

    public static String of(String javaName) {
        StringBuilder json = new StringBuilder(javaName.length() + 4);
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c) && !json.isEmpty()) {
                json.append('_');
            }
            json.append(Character.toLowerCase(c));
        }
        return json.toString().toLowerCase(Locale.ROOT);
    }
}
