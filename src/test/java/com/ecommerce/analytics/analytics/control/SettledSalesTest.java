package com.ecommerce.analytics.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.customers.entity.CountryCode;

class SettledSalesTest {

    private long now;
    private final SettledSales settled = new SettledSales(() -> now);

    @Test
    void keptSalesAreFoundOnlyWhileTheChangesCountedForTheirMonthsStayTheSame() {
        Tallies.Frozen sales = tallies(3);
        settled.keep(key(2023, null), 7, sales);
        assertSame(sales, settled.find(key(2023, null), 7));
        assertNull(settled.find(key(2023, null), 8), "a change counted since");
        assertNull(settled.find(key(2023, new CountryCode("DE")), 7), "another country");
        assertNull(settled.find(key(2022, null), 7), "other runs");
    }

    @Test
    void salesReadBeforeACountedChangeNeverReplaceSalesReadAfterIt() {
        Tallies.Frozen later = tallies(2);
        settled.keep(key(2023, null), 9, later);
        settled.keep(key(2023, null), 8, tallies(2));
        assertSame(later, settled.find(key(2023, null), 9));
    }

    @Test
    void theLeastRecentlyUsedGoWhenTooManyTalliesAreKept() {
        int third = SettledSales.MAX_TALLIES / 3 + 1;
        settled.keep(key(2020, null), 1, tallies(third));
        settled.keep(key(2021, null), 1, tallies(third));
        settled.find(key(2020, null), 1);
        settled.keep(key(2022, null), 1, tallies(third));
        assertNull(settled.find(key(2021, null), 1), "the least recently used");
        assertEquals(third, settled.find(key(2020, null), 1).size());
        assertEquals(third, settled.find(key(2022, null), 1).size());
    }

    @Test
    void keptSalesAreReadAgainAfterAnHourWhateverTheCounts() {
        settled.keep(key(2023, null), 7, tallies(3));
        now += SettledSales.KEPT_FOR.toNanos();
        assertEquals(3, settled.find(key(2023, null), 7).size());
        now += 1;
        assertNull(settled.find(key(2023, null), 7), "changes made beside the application show within the hour");
    }

    @Test
    void manyEntriesWithoutSalesAreBoundedToo() {
        int entries = SettledSales.MAX_TALLIES / SettledSales.ENTRY_WEIGHT;
        for (int year = 0; year <= entries; year++) {
            settled.keep(key(1000 + year, null), 1, tallies(0));
        }
        assertNull(settled.find(key(1000, null), 1), "the eldest empty entry went");
        assertEquals(0, settled.find(key(1000 + entries, null), 1).size());
    }

    private static SettledSales.Key key(int year, CountryCode country) {
        LocalDate start = LocalDate.of(year, 1, 1);
        return new SettledSales.Key(ProductSalesReader.Key.PRODUCT, country,
                List.of(new PeriodCover.Run(PeriodCover.Grain.YEAR, start, start.plusYears(1), 1)));
    }

    private static Tallies.Frozen tallies(int size) {
        return new Tallies.Frozen(new long[size], new long[size], new long[size], new long[size], new long[size],
                new long[size]);
    }
}
