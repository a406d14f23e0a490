package com.ecommerce.analytics.stockplanning.control;

import org.apache.commons.math3.distribution.NormalDistribution;

import com.ecommerce.analytics.stockplanning.forecast.Forecast;

/**
 * When to reorder a product and how much, from its forecast (a periodic-review, order-up-to policy; Silver, Pyke
 * and Thomas, "Inventory and Production Management in Supply Chains", 4th ed., chapter 6), all in whole units:
 * <ul>
 * <li>safety stock = ceil(z(service level) x sigma x sqrt(lead time / 7)), sigma being the spread of the
 * forecast's past one-week-ahead errors (units per week), z the standard normal quantile;</li>
 * <li>reorder point = ceil(forecast units over the lead time) + safety stock;</li>
 * <li>order-up-to level = ceil(forecast units over lead time + review period) + safety stock;</li>
 * <li>reorder quantity = order-up-to level - on hand, when on hand is at or below the reorder point, else 0.</li>
 * </ul>
 */
public record ReplenishmentPolicy(int leadTimeDays, double serviceLevel, int reviewDays) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

    public long safetyStock(Forecast forecast) {
        double z = STANDARD_NORMAL.inverseCumulativeProbability(serviceLevel);
        return wholeUnits(z * forecast.errorSd() * Math.sqrt(leadTimeDays / 7.0));
    }

    public long reorderPoint(Forecast forecast) {
        return wholeUnits(forecast.unitsOver(leadTimeDays)) + safetyStock(forecast);
    }

    public long orderUpTo(Forecast forecast) {
        return wholeUnits(forecast.unitsOver(leadTimeDays + reviewDays)) + safetyStock(forecast);
    }

    public long reorderQuantity(Forecast forecast, long onHand) {
        return onHand <= reorderPoint(forecast) ? Math.max(0, orderUpTo(forecast) - onHand) : 0;
    }

    /** Rounded up, but a rounding error of a millionth of a unit does not make one more. */
    private static long wholeUnits(double units) {
        return Math.max(0, (long) Math.ceil(units - 1e-6));
    }
}
