package com.ecommerce.analytics.stockplanning.forecast;

/**
 * Simple exponential smoothing: the forecast is a level that moves towards each week's units by a share alpha of
 * the miss (Hyndman and Athanasopoulos, section 8.1), alpha chosen from a grid by the smallest squared one-step
 * errors. The level starts at the first week's units.
 */
public final class SimpleSmoothing implements ForecastMethod {

    public static final String CODE = "simple_exponential_smoothing";
    static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5};

    private final double[] alphas;

    public SimpleSmoothing() {
        this(ALPHAS);
    }

    SimpleSmoothing(double... alphas) {
        this.alphas = alphas;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Forecast fit(WeeklySales sales, int weeks) {
        return Smoothed.best(CODE, alphas, sales.units(), weeks, new double[sales.length() + weeks], 1.0);
    }

    /** A level smoothed over units divided by a seasonal index, forecasts multiplied back by it. */
    static final class Smoothed {

        private Smoothed() {
        }

        /** index[t] is the season's factor of week t of the history and then of the weeks ahead (0 read as 1). */
        static Forecast best(String code, double[] alphas, double[] history, int weeks, double[] index, double unit) {
            int n = history.length;
            if (n == 0) {
                return new Forecast(code, new double[weeks], 0);
            }
            double bestSse = Double.MAX_VALUE;
            double bestLevel = 0;
            double[] bestErrors = null;
            for (double alpha : alphas) {
                double level = history[0] / factor(index, 0, unit);
                double[] errors = new double[n];
                double sse = 0;
                for (int t = 1; t < n; t++) {
                    double season = factor(index, t, unit);
                    errors[t] = history[t] - level * season;
                    sse += errors[t] * errors[t];
                    level += alpha * (history[t] / season - level);
                }
                if (sse < bestSse) {
                    bestSse = sse;
                    bestLevel = level;
                    bestErrors = errors;
                }
            }
            double[] forecast = new double[weeks];
            for (int h = 0; h < weeks; h++) {
                forecast[h] = bestLevel * factor(index, n + h, unit);
            }
            return new Forecast(code, ForecastMethod.clampedAtZero(forecast),
                    ForecastMethod.rootMeanSquare(bestErrors, 1, history));
        }

        private static double factor(double[] index, int t, double unit) {
            double value = t < index.length ? index[t] : 0;
            return value > 0 ? value : unit;
        }
    }
}
