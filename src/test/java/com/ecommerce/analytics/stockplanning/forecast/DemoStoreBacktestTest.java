package com.ecommerce.analytics.stockplanning.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.demo.DemoData;
import com.ecommerce.analytics.platform.demo.DemoDataset;

/** The backtest README reports, on the demo store's two years of history as `mvn liberty:run` loads it. */
class DemoStoreBacktestTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final int WEEKS = 104;

    @Test
    void theChosenMethodBeatsTheSeasonalNaiveForecastOnTheDemoStore() {
        Backtest backtest = Backtest.run(weeklyNetUnits(), Backtest.HELD_OUT_WEEKS);

        Map<String, Double> mae = backtest.meanAbsoluteError();
        System.out.printf("Demo store backtest, %d products, last %d weeks held out: %s, chosen %s%n",
                backtest.products(), backtest.heldOutWeeks(), mae, backtest.chosen());
        assertEquals(5, mae.size());
        assertTrue(backtest.products() > 250, "products that sold before the cut: " + backtest.products());
        assertTrue(mae.get(backtest.chosen()) < mae.get(SeasonalNaive.CODE),
                "chosen " + backtest.chosen() + " vs seasonal naive: " + mae);
        assertTrue(mae.get(backtest.chosen()) <= mae.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    }

    /** Units of orders not canceled by order week, less a refunded unit in its refund's week, as sales_daily keeps them. */
    private static List<double[]> weeklyNetUnits() {
        DemoDataset demo = DemoDataset.generate(DemoData.SEED, NOW, DemoData.CUSTOMERS, DemoData.ORDERS);
        LocalDate through = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(1);
        LocalDate first = through.minusDays(7L * WEEKS - 1);
        double[][] series = new double[demo.products().size()][WEEKS];
        for (DemoDataset.OrderSeed order : demo.orders()) {
            if (order.status() == OrderStatus.CANCELED) {
                continue;
            }
            int week = week(first, order.orderDate(), through);
            if (week >= 0) {
                order.items().forEach(item -> series[item.product()][week] += item.quantity());
            }
        }
        for (DemoDataset.RefundSeed refund : demo.refunds()) {
            int week = week(first, refund.refundDate(), through);
            if (week >= 0) {
                series[demo.orders().get(refund.order()).items().get(0).product()][week] -= 1;
            }
        }
        return new ArrayList<>(List.of(series));
    }

    private static int week(LocalDate first, Instant at, LocalDate through) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return day.isBefore(first) || day.isAfter(through) ? -1 : (int) (ChronoUnit.DAYS.between(first, day) / 7);
    }
}
