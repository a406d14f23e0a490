package com.ecommerce.analytics.stockplanning.forecast;

import java.util.Arrays;

/**
 * A product's net units per week, oldest first, from its first week with a sale (weeks before it had none
 * would read as weeks without demand); {@code firstWeek} places it on the store's weekly calendar, whose
 * week 0 is the oldest week read, so that all products' weeks line up with the store's seasons.
 */
public record WeeklySales(double[] units, int firstWeek) {

    /** The weeks of a series over the whole calendar, from its first week with a sale. */
    public static WeeklySales fromFirstSale(double[] calendarWeeks) {
        int first = 0;
        while (first < calendarWeeks.length && calendarWeeks[first] <= 0) {
            first++;
        }
        return new WeeklySales(Arrays.copyOfRange(calendarWeeks, first, calendarWeeks.length), first);
    }

    public int length() {
        return units.length;
    }

    public boolean isEmpty() {
        return units.length == 0;
    }

    /** The first weeks only, as a forecast made back then would have seen them. */
    public WeeklySales firstWeeks(int weeks) {
        return new WeeklySales(Arrays.copyOf(units, Math.max(0, Math.min(weeks, units.length))), firstWeek);
    }

    /** The weeks from {@code from} on, as it happened. */
    public double[] from(int from) {
        return Arrays.copyOfRange(units, Math.min(from, units.length), units.length);
    }
}
