package com.ecommerce.analytics.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LargeTotalsTest {

    private final AtomicInteger counts = new AtomicInteger();
    private final String list = "orders " + UUID.randomUUID();

    @Test
    void aSmallTotalIsCountedEveryTime() {
        assertEquals(999, LargeTotals.of(list, () -> count(999)));
        assertEquals(998, LargeTotals.of(list, () -> count(998)));
        assertEquals(2, counts.get());
    }

    @Test
    void aLargeTotalIsReusedWhileFreshAndEachFilterHasItsOwn() {
        assertEquals(1_000_000, LargeTotals.of(list, () -> count(1_000_000)));
        assertEquals(1_000_000, LargeTotals.of(list, () -> count(1_000_001)), "counted less than 5 s ago");
        assertEquals(1, counts.get());
        assertEquals(12, LargeTotals.of(list + " customer=7", () -> count(12)));
        assertEquals(2, counts.get());
    }

    private long count(long total) {
        counts.incrementAndGet();
        return total;
    }
}
