package com.ecommerce.analytics.stockplanning.forecast;

/**
 * Holt-Winters with an additive season of 52 weeks (Hyndman and Athanasopoulos, section 8.3): level, slope and a
 * seasonal term per week of the year, each smoothed. The first year sets the level (its mean) and the seasonal
 * terms (each week's distance from it); the slope starts at the change between the first two years' means, or at
 * zero with less than two years. Needs a year and a quarter of history; with less it forecasts as
 * DampedTrend does. alpha, beta and gamma from a grid by the smallest squared one-step errors.
 */
public final class HoltWinters implements ForecastMethod {

    public static final String CODE = "holt_winters";
    static final int MIN_WEEKS = Seasons.WEEKS_PER_YEAR + 13;
    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3};
    private static final double[] BETAS = {0.0, 0.01, 0.05};
    private static final double[] GAMMAS = {0.05, 0.1, 0.3};

    private final ForecastMethod shortHistory = new DampedTrend();

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Forecast fit(WeeklySales sales, int weeks) {
        double[] y = sales.units();
        int n = y.length;
        int m = Seasons.WEEKS_PER_YEAR;
        if (n < MIN_WEEKS) {
            Forecast trend = shortHistory.fit(sales, weeks);
            return new Forecast(CODE, trend.weekly(), trend.errorSd());
        }
        double firstYear = ForecastMethod.mean(y, 0, m);
        double initialSlope = n >= 2 * m ? (ForecastMethod.mean(y, m, 2 * m) - firstYear) / m : 0;
        double bestSse = Double.MAX_VALUE;
        State best = null;
        double[] bestErrors = null;
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                for (double gamma : GAMMAS) {
                    State state = new State(y, m, firstYear, initialSlope);
                    double[] errors = new double[n];
                    double sse = 0;
                    for (int t = m; t < n; t++) {
                        errors[t] = state.step(y[t], t, alpha, beta, gamma);
                        sse += errors[t] * errors[t];
                    }
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = state;
                        bestErrors = errors;
                    }
                }
            }
        }
        double[] forecast = new double[weeks];
        for (int h = 0; h < weeks; h++) {
            forecast[h] = best.level + (h + 1) * best.slope + best.seasonal[(n + h) % m];
        }
        return new Forecast(CODE, ForecastMethod.clampedAtZero(forecast),
                ForecastMethod.rootMeanSquare(bestErrors, m, y));
    }

    /** Level, slope and the seasonal terms by week of the year (index t mod 52). */
    private static final class State {
        double level;
        double slope;
        final double[] seasonal;

        State(double[] y, int m, double firstYear, double slope) {
            this.level = firstYear + slope * (m - 1) / 2.0;
            this.slope = slope;
            this.seasonal = new double[m];
            for (int i = 0; i < m; i++) {
                seasonal[i] = y[i] - firstYear;
            }
        }

        /** Learns week t's units and answers how far the forecast made the week before missed them. */
        double step(double units, int t, double alpha, double beta, double gamma) {
            int s = t % seasonal.length;
            double error = units - (level + slope + seasonal[s]);
            double previous = level;
            level = alpha * (units - seasonal[s]) + (1 - alpha) * (level + slope);
            slope = beta * (level - previous) + (1 - beta) * slope;
            seasonal[s] = gamma * (units - level) + (1 - gamma) * seasonal[s];
            return error;
        }
    }
}
