package com.ecommerce.analytics.customermodels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PurchaseHistoriesTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Test
    void ordersOfOneDayAreOnePurchaseAndTheFirstIsNoRepeat() {
        // Jan 1 (two orders: 10 + 5), Jan 15 (20), Jan 29 (two orders: 30 + 10); calibration ends Feb 12:
        // x = 2 repeat days, t_x = 28 days = 4 weeks, T = 42 days = 6 weeks, mean repeat value (20 + 40) / 2 = 30.
        List<Purchase> purchases = List.of(buy(JAN_1, "10"), buy(JAN_1, "5"), buy(JAN_1.plusDays(14), "20"),
                buy(JAN_1.plusDays(28), "30"), buy(JAN_1.plusDays(28), "10"), buy(JAN_1.plusDays(60), "99"));

        PurchaseHistory history = PurchaseHistories.of(purchases, JAN_1.plusDays(42), null, null).orElseThrow();

        assertEquals(new PurchaseHistory(2, 4, 6, 30), history);
        assertEquals(1, PurchaseHistories.purchaseDaysBetween(purchases, JAN_1.plusDays(42), JAN_1.plusDays(70)));
    }

    @Test
    void aSingleBuyerHasNoRepeatsAndACohortLeavesOthersOut() {
        List<Purchase> once = List.of(buy(JAN_1, "12"));

        assertEquals(new PurchaseHistory(0, 0, 1, 0), PurchaseHistories.of(once, JAN_1.plusDays(7), null, null).orElseThrow());
        assertTrue(PurchaseHistories.of(once, JAN_1.plusDays(7), JAN_1.plusDays(1), null).isEmpty(), "before the cohort");
        assertTrue(PurchaseHistories.of(once, JAN_1.plusDays(7), null, JAN_1.minusDays(1)).isEmpty(), "after the cohort");
        assertTrue(PurchaseHistories.of(once, JAN_1.minusDays(1), null, null).isEmpty(), "first bought after calibration");
    }

    private static Purchase buy(LocalDate day, String value) {
        return new Purchase(day, new BigDecimal(value));
    }
}
