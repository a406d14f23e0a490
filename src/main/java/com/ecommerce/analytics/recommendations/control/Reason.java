package com.ecommerce.analytics.recommendations.control;

import java.util.Map;

/** Why a product is recommended; product is the purchase it goes with, for BOUGHT_WITH. */
public record Reason(Kind kind, long product) {

    public enum Kind { BOUGHT_WITH, CUSTOMERS_LIKE_YOU, IN_STOCK_POPULAR, POPULAR_IN_COUNTRY, POPULAR_EVERYWHERE, IN_STOCK }

    public static Reason of(Kind kind) {
        return new Reason(kind, 0);
    }

    public String text(Map<Long, String> productNames) {
        return switch (kind) {
            case BOUGHT_WITH -> "often bought with " + productNames.getOrDefault(product, "a product you bought");
            case CUSTOMERS_LIKE_YOU -> "customers like you bought it";
            case IN_STOCK_POPULAR -> "in stock, popular in your country";
            case POPULAR_IN_COUNTRY -> "popular in your country";
            case POPULAR_EVERYWHERE -> "popular with customers everywhere";
            case IN_STOCK -> "in stock";
        };
    }
}
