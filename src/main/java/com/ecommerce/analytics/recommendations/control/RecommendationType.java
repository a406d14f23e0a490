package com.ecommerce.analytics.recommendations.control;

import java.util.Locale;
import java.util.Optional;

/** What a recommendation is based on; BLEND mixes the other three. */
public enum RecommendationType {
    HISTORY, SIMILAR_CUSTOMERS, INVENTORY, BLEND;

    /** The earlier service's clients wrote similar_customer and left a trailing slash in the value; no type is a blend. */
    public static Optional<RecommendationType> fromCode(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(BLEND);
        }
        String code = raw.trim().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        return switch (code) {
            case "history" -> Optional.of(HISTORY);
            case "similar_customers", "similar_customer" -> Optional.of(SIMILAR_CUSTOMERS);
            case "inventory" -> Optional.of(INVENTORY);
            case "blend", "" -> Optional.of(BLEND);
            default -> Optional.empty();
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
