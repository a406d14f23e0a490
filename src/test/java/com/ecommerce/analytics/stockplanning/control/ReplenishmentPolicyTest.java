package com.ecommerce.analytics.stockplanning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.stockplanning.forecast.Forecast;

/** The formulas of ReplenishmentPolicy's comment, worked out by hand; z(0.95) = 1.6449, z(0.99) = 2.3263. */
class ReplenishmentPolicyTest {

    /** 14 units a week (2 a day), past one-week-ahead errors spread 5 units. */
    private static final Forecast TWO_A_DAY = new Forecast("test", weeks(14), 5);

    @Test
    void safetyStockGrowsWithTheServiceLevelAndTheRootOfTheLeadTime() {
        assertEquals(9, new ReplenishmentPolicy(7, 0.95, 7).safetyStock(TWO_A_DAY), "ceil(1.6449 x 5 x 1) = ceil(8.22)");
        assertEquals(12, new ReplenishmentPolicy(14, 0.95, 7).safetyStock(TWO_A_DAY), "ceil(1.6449 x 5 x 1.414) = ceil(11.63)");
        assertEquals(12, new ReplenishmentPolicy(7, 0.99, 7).safetyStock(TWO_A_DAY), "ceil(2.3263 x 5) = ceil(11.63)");
        assertEquals(0, new ReplenishmentPolicy(7, 0.95, 7).safetyStock(new Forecast("test", weeks(14), 0)));
    }

    @Test
    void theReorderPointCoversTheLeadTimeAndTheQuantityFillsUpToLeadTimePlusReview() {
        ReplenishmentPolicy policy = new ReplenishmentPolicy(7, 0.95, 7);

        assertEquals(14 + 9, policy.reorderPoint(TWO_A_DAY));
        assertEquals(28 + 9, policy.orderUpTo(TWO_A_DAY));
        assertEquals(37 - 20, policy.reorderQuantity(TWO_A_DAY, 20));
        assertEquals(37 - 23, policy.reorderQuantity(TWO_A_DAY, 23), "at the reorder point");
        assertEquals(0, policy.reorderQuantity(TWO_A_DAY, 24), "above it");
        assertEquals(37, policy.reorderQuantity(TWO_A_DAY, 0));
    }

    @Test
    void aLeadTimeOfPartWeeksTakesItsShareOfEachWeek() {
        Forecast rising = new Forecast("test", new double[] {7, 14, 21}, 0);
        ReplenishmentPolicy policy = new ReplenishmentPolicy(10, 0.95, 4);

        assertEquals(7 + 6, policy.reorderPoint(rising), "7 + 14 x 3/7 = 13");
        assertEquals(7 + 14 + 0, policy.orderUpTo(rising), "14 days: 7 + 14");
    }

    @Test
    void theStatusFollowsStockThenRiskThenSalesThenCover() {
        assertEquals(StockStatus.STOCK_OUT, StockStatus.of(0, 10, 5, 0.0, 180));
        assertEquals(StockStatus.AT_RISK, StockStatus.of(10, 10, 5, 5.0, 180));
        assertEquals(StockStatus.DEAD, StockStatus.of(11, 10, 0, 30.0, 180));
        assertEquals(StockStatus.OVERSTOCK, StockStatus.of(500, 10, 5, 181.0, 180));
        assertEquals(StockStatus.OVERSTOCK, StockStatus.of(500, 0, 1, null, 180), "cover beyond ten years");
        assertEquals(StockStatus.HEALTHY, StockStatus.of(11, 10, 5, 180.0, 180));
    }

    private static double[] weeks(double units) {
        double[] weeks = new double[52];
        Arrays.fill(weeks, units);
        return weeks;
    }
}
