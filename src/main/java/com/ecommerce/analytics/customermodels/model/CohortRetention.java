package com.ecommerce.analytics.customermodels.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers by the month of their first order and, for each later month up to the last one counted, the share of
 * them who ordered in it (the retention triangle), with the revenue the cohort brought over those months. Counted in
 * one pass over compact customers (months as numbers), as a large store's table is counted for every request.
 */
public final class CohortRetention {

    /**
     * One customer: the months with an order in ascending order as {@link #index} gives them (the first is the
     * customer's cohort) and the cents spent in each.
     */
    public record Customer(int[] months, long[] cents) {

        public int firstMonth() {
            return months[0];
        }
    }

    /**
     * @param retention the share of the cohort ordering in each month after its first (index 0 is the month after),
     *                  to 4 decimals, up to the last month counted
     */
    public record Cohort(YearMonth month, int customers, BigDecimal revenue, List<Integer> activeCustomers,
                         List<Double> retention) {
    }

    private CohortRetention() {
    }

    public static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    public static YearMonth month(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /** Cohorts from firstCohort to lastCohort, their months counted up to lastMonth. */
    public static List<Cohort> of(List<Customer> customers, YearMonth firstCohort, YearMonth lastCohort,
                                  YearMonth lastMonth) {
        int from = index(firstCohort);
        int last = index(lastMonth);
        int cohorts = Math.max(0, index(lastCohort) - from + 1);
        int[] members = new int[cohorts];
        long[] cents = new long[cohorts];
        int[][] active = new int[cohorts][];
        for (int c = 0; c < cohorts; c++) {
            active[c] = new int[Math.max(0, last - (from + c))];
        }
        for (Customer customer : customers) {
            int first = customer.firstMonth();
            int c = first - from;
            if (c < 0 || c >= cohorts) {
                continue;
            }
            members[c]++;
            for (int i = 0; i < customer.months().length && customer.months()[i] <= last; i++) {
                cents[c] += customer.cents()[i];
                int later = customer.months()[i] - first;
                if (later >= 1) {
                    active[c][later - 1]++;
                }
            }
        }
        List<Cohort> triangle = new ArrayList<>(cohorts);
        for (int c = 0; c < cohorts; c++) {
            List<Integer> counts = new ArrayList<>(active[c].length);
            List<Double> shares = new ArrayList<>(active[c].length);
            for (int count : active[c]) {
                counts.add(count);
                shares.add(members[c] == 0 ? 0 : BigDecimal.valueOf(count)
                        .divide(BigDecimal.valueOf(members[c]), 4, RoundingMode.HALF_UP).doubleValue());
            }
            triangle.add(new Cohort(month(from + c), members[c], BigDecimal.valueOf(cents[c], 2), counts, shares));
        }
        return triangle;
    }
}
