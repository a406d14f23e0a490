package com.ecommerce.analytics.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SortOrderTest {

    private static final Map<String, String> ALLOWED = Map.of("id", "id", "name", "name", "email", "email");

    @Test
    void theIdBreaksTiesInTheFirstFieldsDirection() {
        assertEquals(List.of(new SortOrder.Key("name", false), new SortOrder.Key("id", false)),
                SortOrder.parse("-name", ALLOWED).keys());
        assertEquals(List.of(new SortOrder.Key("id", true)), SortOrder.parse(null, ALLOWED).keys());
    }

    @Test
    void aUniqueFieldHasNoTiesToBreak() {
        assertEquals(List.of(new SortOrder.Key("email", true)),
                SortOrder.parse("email", ALLOWED, Set.of("email")).keys());
        assertEquals(List.of(new SortOrder.Key("name", true), new SortOrder.Key("email", true)),
                SortOrder.parse("name,email", ALLOWED, Set.of("email")).keys());
        assertEquals(List.of(new SortOrder.Key("name", true), new SortOrder.Key("id", true)),
                SortOrder.parse("name", ALLOWED, Set.of("email")).keys());
    }
}
