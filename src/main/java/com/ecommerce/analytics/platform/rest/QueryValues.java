package com.ecommerce.analytics.platform.rest;

import java.util.Locale;

import com.ecommerce.analytics.platform.errors.InvalidRequest;

/** Query parameters the way the earlier service's clients wrote them. */
public final class QueryValues {

    private QueryValues() {
    }

    /** DRF's boolean filter: true/false, also 1/0 and any case; absent gives the default. */
    public static Boolean bool(String name, String raw, Boolean absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw InvalidRequest.field(name, "must be true or false");
        };
    }
}
