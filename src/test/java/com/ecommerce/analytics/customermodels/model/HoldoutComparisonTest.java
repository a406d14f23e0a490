package com.ecommerce.analytics.customermodels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class HoldoutComparisonTest {

    private static final List<HoldoutComparison.Customer> FIVE = List.of(
            new HoldoutComparison.Customer(0, 0.5, 0), new HoldoutComparison.Customer(1, 1.5, 2),
            new HoldoutComparison.Customer(7, 4.0, 3), new HoldoutComparison.Customer(9, 6.0, 5),
            new HoldoutComparison.Customer(0, 0.25, 1));

    @Test
    void theTotalSumsAndAveragesEveryCustomer() {
        // predicted 0.5 + 1.5 + 4 + 6 + 0.25 = 12.25, made 0 + 2 + 3 + 5 + 1 = 11, per customer 2.45 and 2.2
        assertEquals(new HoldoutComparison.Group("total", 5, 12.25, 11, 2.45, 2.2), HoldoutComparison.of(FIVE).total());
    }

    @Test
    void decilesSplitTheCustomersByPredictionInTenEqualRuns() {
        // Five customers by prediction: 0.25, 0.5, 1.5, 4, 6; decile k holds positions [5k/10, 5(k+1)/10), so the
        // 2nd, 4th, 6th, 8th and 10th hold one customer each and the others none.
        List<HoldoutComparison.Group> deciles = HoldoutComparison.of(FIVE).byDecile();
        assertEquals(10, deciles.size());
        assertEquals(new HoldoutComparison.Group("decile 1", 0, 0, 0, 0, 0), deciles.get(0));
        assertEquals(new HoldoutComparison.Group("decile 2", 1, 0.25, 1, 0.25, 1), deciles.get(1));
        assertEquals(new HoldoutComparison.Group("decile 4", 1, 0.5, 0, 0.5, 0), deciles.get(3));
        assertEquals(new HoldoutComparison.Group("decile 6", 1, 1.5, 2, 1.5, 2), deciles.get(5));
        assertEquals(new HoldoutComparison.Group("decile 8", 1, 4, 3, 4, 3), deciles.get(7));
        assertEquals(new HoldoutComparison.Group("decile 10", 1, 6, 5, 6, 5), deciles.get(9));
    }

    @Test
    void calibrationRepeatsGroupZeroToSixAloneAndSevenOrMoreTogether() {
        List<HoldoutComparison.Group> byRepeats = HoldoutComparison.of(FIVE).byCalibrationRepeats();
        assertEquals(8, byRepeats.size());
        assertEquals(new HoldoutComparison.Group("0", 2, 0.75, 1, 0.375, 0.5), byRepeats.get(0));
        assertEquals(new HoldoutComparison.Group("1", 1, 1.5, 2, 1.5, 2), byRepeats.get(1));
        assertEquals(new HoldoutComparison.Group("2", 0, 0, 0, 0, 0), byRepeats.get(2));
        assertEquals(new HoldoutComparison.Group("7+", 2, 10, 8, 5, 4), byRepeats.get(7));
    }
}
