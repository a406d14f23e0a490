package com.ecommerce.analytics.stockplanning.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** Read for every comparison of the report's sort, so a map rather than a search. */
    private static final Map<String, StockStatus> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StockStatus::code, Function.identity()));

    public static Optional<StockStatus> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
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
