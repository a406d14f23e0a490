package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a report is computed with: the store's today, the request's window and horizon, the store's defaults. */
public record PlanningTerms(LocalDate today, int windowDays, int horizonDays, int overstockDays, int reviewDays,
                            int defaultLeadTimeDays, BigDecimal defaultServiceLevel) {

    /** Stock that lasts longer than this has no stock-out date worth telling. */
    static final int COVER_SEARCHED_DAYS = 3_650;

    public LocalDate windowStart() {
        return today.minusDays(windowDays - 1L);
    }
}
