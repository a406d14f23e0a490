package com.ecommerce.analytics.customermodels.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.platform.money.InStoreCurrency;

/** The retention triangle: customers by the month of their first order and the share of them ordering in each later one. */
@Schema(name = "CohortRetention")
public record CohortTable(
        String interval, LocalDate startDate, LocalDate endDate,
        @Schema(description = "Only customers of this country (ISO code); null: all") String country,
        @Schema(description = "The orders counted are those of this moment (the table is kept COHORT_FRESH_SECONDS)")
        Instant asOf,
        List<Cohort> cohorts) {

    @Schema(name = "Cohort")
    public record Cohort(
            @Schema(description = "The month of the cohort's first orders, YYYY-MM") String month,
            @Schema(description = "Customers whose first order (not canceled) fell in the month") int customers,
            @Schema(description = "What the cohort spent (orders less refunds) from its month to the end of the range")
            BigDecimal revenue,
            @Schema(description = "Of the cohort, how many ordered in each later month: the 1st element is the month "
                    + "after its own, up to end_date's month (or the current one)") List<Integer> activeCustomers,
            @Schema(description = "active_customers as shares of the cohort, to 4 decimals") List<Double> retention)
            implements InStoreCurrency {
    }
}
