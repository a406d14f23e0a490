package com.ecommerce.analytics.stockplanning.forecast;

/**
 * Holt's linear trend with a damped trend (Gardner and McKenzie 1985; Hyndman and Athanasopoulos, section 8.2):
 * a level and a slope, the slope fading by phi each week ahead so that a run of good weeks is not extrapolated
 * for ever. alpha and beta from a grid by the smallest squared one-step errors; level starts at the first week,
 * slope at zero.
 */
public final class DampedTrend implements ForecastMethod {

    public static final String CODE = "damped_trend";
    static final double PHI = 0.9;
    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5};
    private static final double[] BETAS = {0.01, 0.05, 0.1, 0.2};

    private final double[] alphas;
    private final double[] betas;

    public DampedTrend() {
        this(ALPHAS, BETAS);
    }

    DampedTrend(double[] alphas, double[] betas) {
        this.alphas = alphas;
        this.betas = betas;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Forecast fit(WeeklySales sales, int weeks) {
        double[] history = sales.units();
        int n = history.length;
        if (n == 0) {
            return new Forecast(CODE, new double[weeks], 0);
        }
        double bestSse = Double.MAX_VALUE;
        double[] best = null;
        double[] bestErrors = null;
        for (double alpha : alphas) {
            for (double beta : betas) {
                double level = history[0];
                double slope = 0;
                double[] errors = new double[n];
                double sse = 0;
                for (int t = 1; t < n; t++) {
                    errors[t] = history[t] - (level + PHI * slope);
                    sse += errors[t] * errors[t];
                    double previous = level;
                    level = alpha * history[t] + (1 - alpha) * (level + PHI * slope);
                    slope = beta * (level - previous) + (1 - beta) * PHI * slope;
                }
                if (sse < bestSse) {
                    bestSse = sse;
                    best = new double[] {level, slope};
                    bestErrors = errors;
                }
            }
        }
        double[] forecast = new double[weeks];
        double damping = 0;
        for (int h = 0; h < weeks; h++) {
            damping += Math.pow(PHI, h + 1);
            forecast[h] = best[0] + damping * best[1];
        }
        return new Forecast(CODE, ForecastMethod.clampedAtZero(forecast),
                ForecastMethod.rootMeanSquare(bestErrors, 1, history));
    }
}
