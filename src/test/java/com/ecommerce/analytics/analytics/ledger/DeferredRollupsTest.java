package com.ecommerce.analytics.analytics.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.control.PeriodCover;

class DeferredRollupsTest {

    private static final LocalDate MAY = LocalDate.of(1995, 5, 1);

    @Test
    void whatBatchesOweAddsUpAndIsWrittenInKeyOrderAFewThousandRowsAtATime() {
        DeferredRollups owed = new DeferredRollups(7);
        for (int batch = 0; batch < 2; batch++) {
            Map<SalesRows.RollupKey, Measures> rows = new HashMap<>();
            for (long product = 5_000; product > 0; product--) {
                rows.put(new SalesRows.RollupKey("M", "GB", MAY, product), Measures.sale(1, BigDecimal.ONE, 1));
            }
            assertEquals(batch == 0 ? Set.of(new PeriodCover.Period(PeriodCover.Grain.MONTH, MAY)) : Set.of(),
                    owed.unmarked(rows), "only the first batch marks May");
            owed.add(rows);
        }
        List<Map<SalesRows.RollupKey, Measures>> parts = owed.parts();
        assertEquals(List.of(2_000, 2_000, 1_000), parts.stream().map(Map::size).toList());
        List<SalesRows.RollupKey> keys = new ArrayList<>();
        parts.forEach(part -> keys.addAll(part.keySet()));
        for (int i = 1; i < keys.size(); i++) {
            assertTrue(SalesRows.ROLLUP_ORDER.compare(keys.get(i - 1), keys.get(i)) < 0, "in key order at " + i);
        }
        assertEquals(Measures.sale(2, new BigDecimal("2"), 2), parts.get(0).get(new SalesRows.RollupKey("M", "GB", MAY, 1)));

        owed.flushed();
        assertTrue(owed.isEmpty());
        assertFalse(owed.due());
    }

    /**
     * A flush whose second part failed is tried again (after the batch or flush that failed): the first part
     * committed, so the second try adds only the rest, and no month or year row counts a sale twice.
     */
    @Test
    void aFlushTriedAgainAfterAPartFailedAddsEveryRowOnce() {
        DeferredRollups owed = new DeferredRollups(7);
        Map<SalesRows.RollupKey, Measures> rows = new HashMap<>();
        for (long product = 1; product <= 5_000; product++) {
            rows.put(new SalesRows.RollupKey("M", "GB", MAY, product), Measures.sale(1, BigDecimal.ONE, 1));
        }
        owed.add(rows);
        Map<SalesRows.RollupKey, Integer> added = new HashMap<>();
        int[] parts = {0};
        RuntimeException failed = assertThrows(IllegalStateException.class, () -> owed.addEachPart(part -> {
            if (++parts[0] == 2) {
                throw new IllegalStateException("the database refused the second part");
            }
            part.keySet().forEach(key -> added.merge(key, 1, Integer::sum));
        }));
        assertEquals("the database refused the second part", failed.getMessage());
        assertEquals(2_000, added.size(), "the first part committed");
        assertFalse(owed.isEmpty(), "the rest is still owed");

        owed.addEachPart(part -> part.keySet().forEach(key -> added.merge(key, 1, Integer::sum)));
        assertEquals(rows.keySet(), added.keySet());
        assertEquals(Set.of(1), Set.copyOf(added.values()), "every row added once");
        assertFalse(owed.isEmpty(), "the marks stay until they are cleared");
        owed.flushed();
        assertTrue(owed.isEmpty());
    }
}
