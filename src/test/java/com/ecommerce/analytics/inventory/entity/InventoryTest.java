package com.ecommerce.analytics.inventory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class InventoryTest {

    private static final Instant MONDAY = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-01-06T09:00:00Z");

    @Test
    void onlyAHigherQuantityIsARestock() {
        Inventory stock = new Inventory(null, 20);
        assertNull(stock.getLastRestockedDate());
        stock.changeQuantity(15, MONDAY);
        assertNull(stock.getLastRestockedDate());
        stock.changeQuantity(40, TUESDAY);
        assertEquals(TUESDAY, stock.getLastRestockedDate());
    }

    @Test
    void crossingIntoLowStockIsReportedOnceUntilRestocked() {
        Inventory stock = new Inventory(null, 20);
        assertFalse(stock.changeQuantity(11, MONDAY));
        assertTrue(stock.changeQuantity(10, MONDAY), "at the threshold of 10");
        assertFalse(stock.changeQuantity(3, MONDAY), "already reported");
        assertFalse(stock.changeQuantity(50, TUESDAY));
        assertTrue(stock.changeQuantity(2, TUESDAY), "low again after a restock");
    }

    @Test
    void stockIsNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Inventory(null, 5).changeQuantity(-1, MONDAY));
    }
}
