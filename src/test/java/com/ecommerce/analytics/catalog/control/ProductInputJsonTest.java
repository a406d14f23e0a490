package com.ecommerce.analytics.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.platform.json.JsonbConfiguration;

import jakarta.json.bind.JsonbException;

class ProductInputJsonTest {

    @Test
    void theEarlierFieldNamesBindAndMoneyMayBeAStringOrANumber() {
        ProductInput input = JsonbConfiguration.JSONB.fromJson("{\"name\":\"Laptop\",\"SKU\":\"L-1\",\"price\":\"699.99\","
                + "\"category\":3,\"tags\":[1,2],\"is_active\":false}", ProductInput.class);
        assertEquals("L-1", input.sku());
        assertEquals(new BigDecimal("699.99"), input.price());
        assertEquals(List.of(1L, 2L), input.tags());
        assertFalse(input.activeOrDefault());
        assertEquals(new BigDecimal("5.5"), JsonbConfiguration.JSONB.fromJson("{\"price\":5.5}", ProductInput.class).price());
    }

    @Test
    void moneyIsWrittenAsADecimalStringWithItsScale() {
        ProductInput input = new ProductInput("n", null, "S", new BigDecimal("10.50"), 1L, List.of(), true,
                null, null, null);
        String json = JsonbConfiguration.JSONB.toJson(input);
        assertEquals(true, json.contains("\"price\":\"10.50\""), json);
        assertEquals(true, json.contains("\"SKU\":\"S\""), json);
    }

    @Test
    void somethingThatIsNotANumberIsRefused() {
        assertThrows(JsonbException.class, () -> JsonbConfiguration.JSONB.fromJson("{\"price\":\"abc\"}", ProductInput.class));
    }
}
