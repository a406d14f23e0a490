package com.ecommerce.analytics.stockplanning.forecast;

/**
 * Each coming week sells what the same week sold a year before: the benchmark every other method must beat
 * (Hyndman and Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., section 5.2). With less than a
 * year of history it forecasts the history's mean.
 */
public final class SeasonalNaive implements ForecastMethod {

    public static final String CODE = "seasonal_naive";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Forecast fit(WeeklySales sales, int weeks) {
        double[] history = sales.units();
        int season = Seasons.WEEKS_PER_YEAR;
        int n = history.length;
        double[] forecast = new double[weeks];
        if (n < season) {
            java.util.Arrays.fill(forecast, ForecastMethod.mean(history, 0, n));
            return new Forecast(CODE, forecast, ForecastMethod.standardDeviation(history));
        }
        for (int h = 0; h < weeks; h++) {
            forecast[h] = history[n - season + h % season];
        }
        double[] errors = new double[n];
        for (int t = season; t < n; t++) {
            errors[t] = history[t] - history[t - season];
        }
        return new Forecast(CODE, forecast, ForecastMethod.rootMeanSquare(errors, season, history));
    }
}
