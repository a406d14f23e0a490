package com.ecommerce.analytics.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonNamesTest {

    @Test
    void javaPropertiesAreSpelledInSnakeCaseAsTheEarlierService() {
        assertEquals("price_at_time_of_order", JsonNames.of("priceAtTimeOfOrder"));
        assertEquals("is_active", JsonNames.of("isActive"));
        assertEquals("username", JsonNames.of("username"));
    }
}
