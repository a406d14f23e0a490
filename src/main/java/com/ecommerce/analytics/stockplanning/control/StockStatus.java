package com.ecommerce.analytics.stockplanning.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a product's stock stands, most urgent first: the order a buyer works through them in. */
public enum StockStatus {
    /** Nothing on hand. */
    STOCK_OUT,
    /** On hand at or below the reorder point: cover shorter than the lead time plus safety stock. */
    AT_RISK,
    /** More cover than the overstock ceiling, or demand too low to ever sell it in ten years. */
    OVERSTOCK,
    /** In stock and not one unit sold in the window. */
    DEAD,
    HEALTHY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StockStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    /**
     * @param soldInWindow units sold in the window (before refunds): a sale is a sale
     * @param daysOfCover  null when the stock outlasts the horizon searched
     */
    static StockStatus of(long onHand, long reorderPoint, long soldInWindow, Double daysOfCover, int overstockDays) {
        if (onHand <= 0) {
            return STOCK_OUT;
        }
        if (onHand <= reorderPoint) {
            return AT_RISK;
        }
        if (soldInWindow <= 0) {
            return DEAD;
        }
        if (daysOfCover == null || daysOfCover > overstockDays) {
            return OVERSTOCK;
        }
        return HEALTHY;
    }
}
