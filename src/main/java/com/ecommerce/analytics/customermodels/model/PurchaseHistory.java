package com.ecommerce.analytics.customermodels.model;

/**
 * A customer's purchases in the models' terms (Fader, Hardie and Lee 2005): x repeat purchases (purchase days
 * after the first), the last at t_x weeks after the first, T weeks between the first and the end of calibration,
 * and the mean value of the repeat purchases (0 without any).
 */
public record PurchaseHistory(int x, double tx, double T, double meanRepeatValue) {

    public PurchaseHistory {
        if (x < 0 || tx < 0 || T < tx) {
            throw new IllegalArgumentException("need x >= 0 and 0 <= t_x <= T: " + x + ", " + tx + ", " + T);
        }
    }
}
