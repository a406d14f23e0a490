package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.platform.money.InStoreCurrency;

/** One product's line of the inventory report. Values at cost are null where no cost price is set. */
@Schema(name = "StockPosition")
public record StockPosition(
        long product, String sku, String name, long category, String categoryName,
        @Schema(enumeration = {"stock_out", "at_risk", "overstock", "dead", "healthy"}) String status,
        long onHand,
        @Schema(description = "Units sold in the window, net of units refunded in it; canceled orders left out")
        long unitsSold,
        @Schema(description = "units_sold divided by window_days") double unitsPerDay,
        @Schema(description = "With a country filter: the units sold (net) to that country in the window")
        Long unitsSoldInCountry,
        int windowDays,
        @Schema(description = "Units the forecast expects over the next horizon_days") double forecastUnits,
        int horizonDays,
        @Schema(description = "seasonally_adjusted_smoothing, simple_exponential_smoothing, damped_trend, holt_winters "
                + "or seasonal_naive (the store's model, see /api/analytics/inventory/forecast/), or window_average for "
                + "a product the model has not seen yet") String forecastMethod,
        @Schema(description = "Days until the stock on hand is sold at the forecast's pace; null when it lasts beyond "
                + "ten years") Double daysOfCover,
        @Schema(description = "The store-calendar day the stock is expected to run out; null with days_of_cover null")
        LocalDate stockoutDate,
        @Schema(description = "units_sold / (units_sold + on_hand); null when both are 0") Double sellThroughRate,
        int leadTimeDays, BigDecimal serviceLevel, long safetyStock, long reorderPoint,
        @Schema(description = "Units to order now to reach the order-up-to level; 0 above the reorder point")
        long reorderQuantity,
        BigDecimal price, BigDecimal costPrice, BigDecimal stockValueAtCost, BigDecimal stockValueAtPrice,
        BigDecimal reorderValueAtCost) implements InStoreCurrency {

    public StockStatus stockStatus() {
        return StockStatus.fromCode(status).orElseThrow();
    }
}
