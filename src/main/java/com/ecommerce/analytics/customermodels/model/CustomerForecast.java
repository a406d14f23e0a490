package com.ecommerce.analytics.customermodels.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the customer models expect of one customer over a horizon: purchases (BG/NBD), the chance the customer is
 * still active, value per purchase (Gamma-Gamma), and their product, the predicted lifetime value over the horizon,
 * each week's expected purchases discounted at the annual rate.
 */
@Schema(name = "CustomerForecast")
public record CustomerForecast(
        @Schema(description = "The customer model that made it (GET /api/analytics/customer-models/)") long model,
        int horizonDays, double discountRate,
        @Schema(description = "P(alive): the chance the customer has not dropped out") double probabilityAlive,
        @Schema(description = "Purchases (days with an order) expected over the horizon") double expectedPurchases,
        BigDecimal expectedValuePerPurchase,
        @Schema(description = "Predicted lifetime value over the horizon: expected purchases x expected value, "
                + "discounted") BigDecimal predictedClv) {

    private static final double WEEKS_PER_YEAR = 52.0;

    /** Without a spend model (null: nobody's repeat purchases had a value), purchases only: the values are null. */
    public static CustomerForecast of(long model, BgNbd purchases, GammaGamma spend, PurchaseHistory history,
                                      int horizonDays, double discountRate) {
        double weeks = horizonDays / 7.0;
        double expected = purchases.expectedPurchases(history, weeks);
        double discounted = discountRate == 0 ? expected : 0;
        double before = 0;
        for (int week = 1; discountRate != 0 && week <= Math.ceil(weeks); week++) {
            double upTo = purchases.expectedPurchases(history, Math.min(week, weeks));
            discounted += (upTo - before) / Math.pow(1 + discountRate, week / WEEKS_PER_YEAR);
            before = upTo;
        }
        Double value = spend == null ? null : spend.expectedValuePerPurchase(history);
        return new CustomerForecast(model, horizonDays, discountRate, round(purchases.probabilityAlive(history), 4),
                round(expected, 4), value == null ? null : money(value), value == null ? null : money(discounted * value));
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
