package com.ecommerce.analytics.stockplanning.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;

/**
 * Which method forecasts this store best: each candidate fitted to every product's weeks before the last
 * {@code heldOut}, its forecasts for those weeks compared with what sold. The mean absolute error (units per
 * product and week) over products that sold before the cut decides; ties go to the simpler method, listed first.
 */
public record Backtest(int heldOutWeeks, int products, Map<String, Double> meanAbsoluteError, String chosen) {

    public static final int HELD_OUT_WEEKS = 12;
    /** Fewer weeks before the cut than this and there is nothing to choose by: simple smoothing it is. */
    static final int MIN_TRAINING_WEEKS = 8;

    /** The candidates in the order ties are settled, the store's season computed from the weeks given. */
    public static List<ForecastMethod> candidates(StoreSeason season) {
        return List.of(new SimpleSmoothing(), new SeasonallyAdjustedSmoothing(season), new DampedTrend(),
                new HoltWinters(), new SeasonalNaive());
    }

    /** Each product's net units per week on the store's calendar, all of the same length. */
    public static Backtest run(List<double[]> calendarSeries, int heldOut) {
        int weeks = calendarSeries.isEmpty() ? 0 : calendarSeries.get(0).length;
        int cut = weeks - heldOut;
        if (cut < MIN_TRAINING_WEEKS) {
            return new Backtest(heldOut, 0, Map.of(), SimpleSmoothing.CODE);
        }
        List<ForecastMethod> methods = candidates(StoreSeason.of(storeTotals(calendarSeries, cut)));
        double[] errors = new double[methods.size()];
        int products = 0;
        for (double[] series : calendarSeries) {
            BackgroundWork.giveWayToRequests();
            WeeklySales before = WeeklySales.fromFirstSale(java.util.Arrays.copyOf(series, cut));
            if (before.isEmpty()) {
                continue;
            }
            products++;
            for (int i = 0; i < methods.size(); i++) {
                double[] forecast = methods.get(i).fit(before, heldOut).weekly();
                for (int h = 0; h < heldOut; h++) {
                    errors[i] += Math.abs(series[cut + h] - forecast[h]);
                }
            }
        }
        Map<String, Double> mae = new LinkedHashMap<>();
        String chosen = SimpleSmoothing.CODE;
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i < methods.size(); i++) {
            double value = products == 0 ? 0 : errors[i] / ((double) products * heldOut);
            mae.put(methods.get(i).code(), Math.round(value * 10_000) / 10_000.0);
            if (products > 0 && value < lowest) {
                lowest = value;
                chosen = methods.get(i).code();
            }
        }
        return new Backtest(heldOut, products, mae, chosen);
    }

    /** The store's units per calendar week over the first weeks. */
    public static double[] storeTotals(List<double[]> calendarSeries, int weeks) {
        double[] totals = new double[weeks];
        for (double[] series : calendarSeries) {
            for (int t = 0; t < weeks; t++) {
                totals[t] += series[t];
            }
        }
        return totals;
    }

    /** The chosen method, its season from all the weeks given. */
    public ForecastMethod chosenMethod(List<double[]> calendarSeries) {
        int weeks = calendarSeries.isEmpty() ? 0 : calendarSeries.get(0).length;
        List<ForecastMethod> methods = new ArrayList<>(candidates(StoreSeason.of(storeTotals(calendarSeries, weeks))));
        return methods.stream().filter(method -> method.code().equals(chosen)).findFirst().orElseThrow();
    }
}
