package com.ecommerce.analytics.stockplanning.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each method against values worked out by hand from its recursion (the steps are in the comments). */
class ForecastMethodsTest {

    private static final double EXACT = 1e-9;

    @Test
    void simpleSmoothingMovesTheLevelByAlphaOfEachMiss() {
        // alpha 0.5: level 2; week 1 misses 4 - 2 = 2, level 3; week 2 misses 6 - 3 = 3, level 4.5
        Forecast forecast = new SimpleSmoothing(0.5).fit(sales(2, 4, 6), 2);

        assertArrayEquals(new double[] {4.5, 4.5}, forecast.weekly(), EXACT);
        assertEquals(Math.sqrt((4 + 9) / 2.0), forecast.errorSd(), EXACT);
    }

    @Test
    void dampedTrendFadesTheSlopeByPhiEachWeekAhead() {
        // alpha = beta = 0.5, phi 0.9, level 10, slope 0.
        // week 1: forecast 10, miss 2; level 0.5*12 + 0.5*10 = 11; slope 0.5*(11-10) + 0.5*0.9*0 = 0.5
        // week 2: forecast 11 + 0.9*0.5 = 11.45, miss 2.55; level 0.5*14 + 0.5*11.45 = 12.725;
        //         slope 0.5*1.725 + 0.5*0.9*0.5 = 1.0875
        Forecast forecast = new DampedTrend(new double[] {0.5}, new double[] {0.5}).fit(sales(10, 12, 14), 2);

        assertArrayEquals(new double[] {12.725 + 0.9 * 1.0875, 12.725 + (0.9 + 0.81) * 1.0875}, forecast.weekly(), EXACT);
        assertEquals(Math.sqrt((2 * 2 + 2.55 * 2.55) / 2), forecast.errorSd(), EXACT);
    }

    @Test
    void seasonalNaiveRepeatsLastYear() {
        double[] history = new double[60];
        for (int t = 0; t < history.length; t++) {
            history[t] = t % 52;
        }
        Forecast forecast = new SeasonalNaive().fit(new WeeklySales(history, 0), 3);

        assertArrayEquals(new double[] {8, 9, 10}, forecast.weekly(), EXACT);
        assertEquals(0, forecast.errorSd(), EXACT);
    }

    @Test
    void seasonalNaiveWithoutAYearForecastsTheMean() {
        Forecast forecast = new SeasonalNaive().fit(sales(1, 2, 3, 6), 2);

        assertArrayEquals(new double[] {3, 3}, forecast.weekly(), EXACT);
    }

    @Test
    void holtWintersLearnsAnExactSeasonAndRepeatsIt() {
        // Every week sells 10, week 47 of each year 30: the first year's terms fit it exactly, so no later week misses
        double[] history = new double[120];
        for (int t = 0; t < history.length; t++) {
            history[t] = t % 52 == 47 ? 30 : 10;
        }
        Forecast forecast = new HoltWinters().fit(new WeeklySales(history, 0), 52);

        for (int h = 0; h < 52; h++) {
            assertEquals((120 + h) % 52 == 47 ? 30 : 10, forecast.weekly()[h], 1e-6, "week " + h);
        }
        assertEquals(0, forecast.errorSd(), 1e-6);
    }

    @Test
    void theStoreSeasonOfAFlatStoreIsOneEveryWeek() {
        double[] flat = new double[104];
        java.util.Arrays.fill(flat, 50);
        StoreSeason season = StoreSeason.of(flat);

        for (int week = 0; week < 60; week++) {
            assertEquals(1, season.factor(week), EXACT);
        }
    }

    @Test
    void seasonallyAdjustedSmoothingCarriesTheStoreSeasonIntoAProductsForecast() {
        double[] store = new double[104];
        for (int t = 0; t < store.length; t++) {
            store[t] = t % 52 >= 44 ? 200 : 100;
        }
        StoreSeason season = StoreSeason.of(store);
        double[] product = new double[30];
        for (int t = 0; t < product.length; t++) {
            product[t] = 5 * season.factor(74 + t);
        }
        Forecast forecast = new SeasonallyAdjustedSmoothing(season).fit(new WeeklySales(product, 74), 20);

        for (int h = 0; h < 20; h++) {
            assertEquals(5 * season.factor(104 + h), forecast.weekly()[h], 1e-9, "week " + h);
        }
        assertTrue(season.factor(44 + 52 * 2 + 2) > 1.3 * season.factor(10), "the peak weeks stand out");
    }

    @Test
    void theBacktestChoosesByHeldOutErrorAndSettlesTiesForTheSimplerMethod() {
        List<double[]> flat = new ArrayList<>();
        List<double[]> seasonal = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            double[] constant = new double[104];
            double[] peaks = new double[104];
            for (int t = 0; t < 104; t++) {
                constant[t] = 4 + p;
                peaks[t] = t % 52 >= 94 - 52 ? 40 + p : 4 + p;
            }
            flat.add(constant);
            seasonal.add(peaks);
        }

        Backtest even = Backtest.run(flat, 12);
        Backtest peaked = Backtest.run(seasonal, 12);

        assertEquals(SimpleSmoothing.CODE, even.chosen(), even.meanAbsoluteError().toString());
        assertEquals(0, even.meanAbsoluteError().get(SimpleSmoothing.CODE), EXACT);
        assertTrue(peaked.meanAbsoluteError().get(peaked.chosen()) < peaked.meanAbsoluteError().get(SimpleSmoothing.CODE),
                peaked.meanAbsoluteError().toString());
        assertEquals(5, peaked.products());
    }

    @Test
    void aForecastSpreadsEachWeekOverItsDaysAndCountsCoverDayByDay() {
        Forecast forecast = new Forecast("test", new double[] {7, 14}, 0);

        assertEquals(7, forecast.unitsOver(7), EXACT);
        assertEquals(7 + 14 * 3 / 7.0, forecast.unitsOver(10), EXACT);
        assertEquals(7 + 7 * 3 / 14.0, forecast.daysOfCover(10, 3650).getAsDouble(), EXACT);
        assertEquals(21 + 7 * 2 / 14.0, forecast.daysOfCover(7 + 14 + 7 + 2, 3650).getAsDouble(), EXACT,
                "past its end the forecast repeats");
        assertEquals(0, forecast.daysOfCover(0, 3650).getAsDouble(), EXACT);
        assertTrue(new Forecast("none", new double[] {0, 0}, 0).daysOfCover(5, 3650).isEmpty());
        assertTrue(forecast.daysOfCover(1_000_000, 3650).isEmpty());
    }

    private static WeeklySales sales(double... units) {
        return new WeeklySales(units, 0);
    }
}
