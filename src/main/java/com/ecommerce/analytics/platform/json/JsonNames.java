package com.ecommerce.analytics.platform.json;

import java.util.Locale;

/** The JSON spelling of a Java property: the earlier service's snake_case, as JSON-B writes it. */
public final class JsonNames {

    private JsonNames() {
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
