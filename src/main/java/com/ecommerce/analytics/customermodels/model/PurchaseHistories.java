package com.ecommerce.analytics.customermodels.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer's orders as the models see them (Fader, Hardie and Lee 2005): orders of one day are one purchase, of
 * their summed value; the first purchase starts the customer's clock and is not a repeat; x counts the purchase days
 * after it up to the end of calibration, t_x is the weeks from the first to the last of them, T the weeks from the
 * first to the end of calibration, and the mean repeat value averages the repeat purchases' values.
 */
public final class PurchaseHistories {

    private static final double DAYS_PER_WEEK = 7.0;

    private PurchaseHistories() {
    }

    /**
     * The customer's history at the end of calibration (inclusive), or empty when the first purchase falls outside
     * the cohort [cohortStart, cohortEnd] (either may be null: open) or after calibration.
     */
    public static Optional<PurchaseHistory> of(List<Purchase> purchases, LocalDate calibrationEnd, LocalDate cohortStart,
                                               LocalDate cohortEnd) {
        TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
        for (Purchase purchase : purchases) {
            if (!purchase.day().isAfter(calibrationEnd)) {
                byDay.merge(purchase.day(), purchase.value(), BigDecimal::add);
            }
        }
        if (byDay.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = byDay.firstKey();
        if (cohortStart != null && first.isBefore(cohortStart) || cohortEnd != null && first.isAfter(cohortEnd)) {
            return Optional.empty();
        }
        int x = byDay.size() - 1;
        BigDecimal repeatValue = byDay.tailMap(first, false).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new PurchaseHistory(x, weeks(first, byDay.lastKey()), weeks(first, calibrationEnd),
                x == 0 ? 0 : repeatValue.doubleValue() / x));
    }

    /** Purchases within the days after calibration up to {@code until}, one per day: what a hold-out counts. */
    public static int purchaseDaysBetween(List<Purchase> purchases, LocalDate after, LocalDate until) {
        return (int) purchases.stream().map(Purchase::day).filter(day -> day.isAfter(after) && !day.isAfter(until))
                .distinct().count();
    }

    static double weeks(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / DAYS_PER_WEEK;
    }
}
