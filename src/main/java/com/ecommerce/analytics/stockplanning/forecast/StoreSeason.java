package com.ecommerce.analytics.stockplanning.forecast;

/**
 * The store's own seasonal factor for each week of the year, from all products' units together: one product's
 * sales are too few and too irregular to show a season of 52 weeks, the store's are not. Each week's units are
 * divided by the mean of the 52 weeks around it (classical multiplicative decomposition, Hyndman and
 * Athanasopoulos section 3.4, with a window clipped at the series' ends), the ratios of the same week of the year
 * averaged, smoothed over three neighbouring weeks and scaled to average 1. Less than a year of history: no season.
 */
public final class StoreSeason {

    private final double[] factors;

    private StoreSeason(double[] factors) {
        this.factors = factors;
    }

    /** The store's units per week on its calendar, oldest first (week 0 of WeeklySales.firstWeek). */
    public static StoreSeason of(double[] storeUnits) {
        int m = Seasons.WEEKS_PER_YEAR;
        int n = storeUnits.length;
        double[] flat = new double[m];
        java.util.Arrays.fill(flat, 1);
        if (n < m) {
            return new StoreSeason(flat);
        }
        double[] sums = new double[m];
        int[] counts = new int[m];
        for (int t = 0; t < n; t++) {
            int from = Math.max(0, Math.min(t - m / 2, n - m));
            double around = ForecastMethod.mean(storeUnits, from, from + m);
            if (around > 0) {
                sums[t % m] += storeUnits[t] / around;
                counts[t % m]++;
            }
        }
        double[] ratios = new double[m];
        for (int i = 0; i < m; i++) {
            ratios[i] = counts[i] == 0 ? 1 : sums[i] / counts[i];
        }
        double[] smoothed = new double[m];
        double total = 0;
        for (int i = 0; i < m; i++) {
            smoothed[i] = (ratios[(i + m - 1) % m] + ratios[i] + ratios[(i + 1) % m]) / 3;
            total += smoothed[i];
        }
        double mean = total / m;
        if (mean <= 0) {
            return new StoreSeason(flat);
        }
        for (int i = 0; i < m; i++) {
            smoothed[i] = smoothed[i] / mean;
        }
        return new StoreSeason(smoothed);
    }

    /** The factor of the store's calendar week (week 0 is the oldest week read). */
    public double factor(int calendarWeek) {
        return factors[Math.floorMod(calendarWeek, factors.length)];
    }
}
