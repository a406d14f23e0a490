package com.ecommerce.analytics.stockplanning.forecast;

/** One way of forecasting a product's weekly units from its past weeks, oldest first. */
public interface ForecastMethod {

    String code();

    /** Fitted to the history: the next weeks' units (never negative) and the one-step errors' spread. */
    Forecast fit(WeeklySales history, int weeks);

    static double[] clampedAtZero(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, values[i]);
        }
        return values;
    }

    /** Root mean square of the errors from the index they start at; the history's own spread when there are none. */
    static double rootMeanSquare(double[] errors, int from, double[] history) {
        int n = errors.length - from;
        if (n <= 0) {
            return standardDeviation(history);
        }
        double sum = 0;
        for (int i = from; i < errors.length; i++) {
            sum += errors[i] * errors[i];
        }
        return Math.sqrt(sum / n);
    }

    static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values, 0, values.length);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    static double mean(double[] values, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
