package com.ecommerce.analytics.stockplanning.forecast;

/**
 * A product's expected units for each of the coming weeks, and how far its one-week-ahead forecasts of the past
 * missed (the root mean square of those errors, in units per week), which sizes the safety stock.
 */
public record Forecast(String method, double[] weekly, double errorSd) {

    public static final Forecast NONE = new Forecast("none", new double[0], 0);

    /** Units expected over the next days, each week's units spread evenly over its seven days. */
    public double unitsOver(double days) {
        double units = 0;
        double left = days;
        for (int week = 0; left > 0; week++) {
            double share = Math.min(7, left);
            units += weekAt(week) * share / 7;
            left -= share;
        }
        return units;
    }

    /** Past the forecast's end the last year of it repeats, so a season comes back. */
    double weekAt(int week) {
        if (weekly.length == 0) {
            return 0;
        }
        if (week < weekly.length) {
            return weekly[week];
        }
        int cycle = Math.min(weekly.length, Seasons.WEEKS_PER_YEAR);
        return weekly[weekly.length - cycle + (week - weekly.length) % cycle];
    }

    /**
     * Days until the stock on hand is sold at the forecast's pace, to a tenth of a day; empty when it lasts beyond
     * the horizon searched (no demand, or more stock than the years ahead will sell).
     */
    public java.util.OptionalDouble daysOfCover(double onHand, int maxDays) {
        if (onHand <= 0) {
            return java.util.OptionalDouble.of(0);
        }
        double left = onHand;
        for (int week = 0; week * 7 < maxDays; week++) {
            double units = weekAt(week);
            if (units >= left) {
                double days = week * 7 + 7 * left / units;
                return days <= maxDays ? java.util.OptionalDouble.of(days) : java.util.OptionalDouble.empty();
            }
            left -= units;
        }
        return java.util.OptionalDouble.empty();
    }
}
