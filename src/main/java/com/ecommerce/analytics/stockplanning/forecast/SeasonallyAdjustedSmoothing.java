package com.ecommerce.analytics.stockplanning.forecast;

/**
 * Simple exponential smoothing of a product's units divided by the store's seasonal factor of each week, the
 * forecast multiplied back by the factors of the weeks ahead: the product's own level, the store's season
 * (the "seasonal adjustment, then smoothing" of Hyndman and Athanasopoulos, section 3.7 and 8.1).
 */
public final class SeasonallyAdjustedSmoothing implements ForecastMethod {

    public static final String CODE = "seasonally_adjusted_smoothing";

    private final StoreSeason season;

    public SeasonallyAdjustedSmoothing(StoreSeason season) {
        this.season = season;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Forecast fit(WeeklySales sales, int weeks) {
        double[] index = new double[sales.length() + weeks];
        for (int t = 0; t < index.length; t++) {
            index[t] = season.factor(sales.firstWeek() + t);
        }
        return SimpleSmoothing.Smoothed.best(CODE, SimpleSmoothing.ALPHAS, sales.units(), weeks, index, 1.0);
    }
}
