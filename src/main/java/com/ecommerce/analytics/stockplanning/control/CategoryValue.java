package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.platform.money.InStoreCurrency;

/**
 * A category's stock value now and its gross margin over a range. Values at cost add up the products with a cost
 * price only (null when none has one); the revenue of the others is shown apart, so a margin over part of the
 * category never reads as the whole category's.
 */
@Schema(name = "CategoryValue")
public record CategoryValue(
        Long category, String categoryName,
        @Schema(description = "Products on sale or in stock") long products,
        long unitsOnHand, BigDecimal stockValueAtCost, BigDecimal stockValueAtPrice,
        @Schema(description = "Products (on sale, in stock or sold in the range) without a cost price")
        long productsWithoutCostPrice,
        long unitsSold, BigDecimal netRevenue,
        @Schema(description = "Net revenue of the products without a cost price, left out of the margin")
        BigDecimal netRevenueWithoutCostPrice,
        BigDecimal costOfGoodsSold, BigDecimal grossMargin,
        @Schema(description = "gross_margin / (net_revenue - net_revenue_without_cost_price)") Double grossMarginRate)
        implements InStoreCurrency {
}
