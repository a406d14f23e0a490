package com.ecommerce.analytics.customermodels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class CohortRetentionTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);

    @Test
    void eachCohortsShareOrderingAgainInTheMonthsAfterItsFirst() {
        // January: 4 customers; 2 order in February, 1 in March (one of those two), none in April.
        // February: 2 customers; 1 orders in March. March: none. Counted up to April.
        List<CohortRetention.Customer> customers = List.of(
                customer(JAN, "10.00", JAN, JAN.plusMonths(1), JAN.plusMonths(2)),
                customer(JAN, "20.00", JAN, JAN.plusMonths(1)),
                customer(JAN, "5.50", JAN),
                customer(JAN, "4.50", JAN),
                customer(JAN.plusMonths(1), "7.00", JAN.plusMonths(1), JAN.plusMonths(2)),
                customer(JAN.plusMonths(1), "3.00", JAN.plusMonths(1)),
                customer(JAN.minusMonths(1), "99.00", JAN.minusMonths(1), JAN));

        List<CohortRetention.Cohort> triangle = CohortRetention.of(customers, JAN, JAN.plusMonths(2), JAN.plusMonths(3));

        assertEquals(3, triangle.size(), "December's customer is outside the cohorts asked for");
        CohortRetention.Cohort january = triangle.get(0);
        assertEquals(4, january.customers());
        assertEquals(new BigDecimal("40.00"), january.revenue());
        assertEquals(List.of(2, 1, 0), january.activeCustomers());
        assertEquals(List.of(0.5, 0.25, 0.0), january.retention());
        assertEquals(List.of(0.5, 0.0), triangle.get(1).retention());
        assertEquals(0, triangle.get(2).customers());
        assertEquals(List.of(0.0), triangle.get(2).retention());
    }

    /** The spend falls in the first month; the months are given in order, the first being the cohort's. */
    private static CohortRetention.Customer customer(YearMonth first, String spend, YearMonth... active) {
        int[] months = new int[active.length];
        long[] cents = new long[active.length];
        for (int i = 0; i < active.length; i++) {
            months[i] = CohortRetention.index(active[i]);
        }
        cents[0] = new BigDecimal(spend).movePointRight(2).longValueExact();
        assertEquals(first, active[0]);
        return new CohortRetention.Customer(months, cents);
    }

    @Test
    void spendCountsUpToTheLastMonthOnlyAndMonthsNumberBothWays() {
        YearMonth feb = JAN.plusMonths(1);
        CohortRetention.Customer customer = new CohortRetention.Customer(
                new int[] {CohortRetention.index(JAN), CohortRetention.index(feb), CohortRetention.index(JAN.plusMonths(4))},
                new long[] {1_000, 250, 99_900});
        List<CohortRetention.Cohort> triangle = CohortRetention.of(List.of(customer), JAN, JAN, feb);
        assertEquals(new BigDecimal("12.50"), triangle.get(0).revenue(), "May's 999.00 lies after February");
        assertEquals(List.of(1), triangle.get(0).activeCustomers());
        assertEquals(YearMonth.of(1970, 12), CohortRetention.month(CohortRetention.index(YearMonth.of(1970, 12))));
    }
}
