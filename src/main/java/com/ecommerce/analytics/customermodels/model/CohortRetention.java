package com.ecommerce.analytics.customermodels.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Customers by the month of their first order and, for each later month up to the last one counted, the share of
 * them who ordered in it (the retention triangle), with the revenue the cohort brought over those months.
 */
public final class CohortRetention {

    /** One customer: the month of the first order, the months with an order, and the spend in the months counted. */
    public record Customer(YearMonth firstMonth, Set<YearMonth> activeMonths, BigDecimal spend) {
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

    /** Cohorts from firstCohort to lastCohort, their months counted up to lastMonth. */
    public static List<Cohort> of(List<Customer> customers, YearMonth firstCohort, YearMonth lastCohort,
                                  YearMonth lastMonth) {
        Map<YearMonth, List<Customer>> cohorts = new TreeMap<>();
        for (YearMonth month = firstCohort; !month.isAfter(lastCohort); month = month.plusMonths(1)) {
            cohorts.put(month, new ArrayList<>());
        }
        for (Customer customer : customers) {
            List<Customer> cohort = cohorts.get(customer.firstMonth());
            if (cohort != null) {
                cohort.add(customer);
            }
        }
        List<Cohort> triangle = new ArrayList<>();
        cohorts.forEach((month, members) -> {
            int later = (int) Math.max(0, ChronoUnit.MONTHS.between(month, lastMonth));
            List<Integer> active = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            for (int k = 1; k <= later; k++) {
                YearMonth then = month.plusMonths(k);
                int count = (int) members.stream().filter(member -> member.activeMonths().contains(then)).count();
                active.add(count);
                shares.add(members.isEmpty() ? 0 : BigDecimal.valueOf(count)
                        .divide(BigDecimal.valueOf(members.size()), 4, RoundingMode.HALF_UP).doubleValue());
            }
            triangle.add(new Cohort(month, members.size(), members.stream().map(Customer::spend)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), active, shares));
        });
        return triangle;
    }
}
