package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.platform.money.InStoreCurrency;

/** What to order now: every product at or below its reorder point with a quantity to order, most urgent first. */
public record ReorderSuggestions(
        @Schema(description = "The store-calendar day the suggestions are for") LocalDate asOf,
        @Schema(description = "Products to order, over all pages") long products,
        @Schema(description = "Units to order, over all pages") long units,
        @Schema(description = "Value at cost of the lines whose product has a cost price, over all pages")
        BigDecimal valueAtCost,
        @Schema(description = "Lines left out of value_at_cost: their product has no cost price")
        long productsWithoutCostPrice,
        @Schema(description = "This page of the lines") List<StockPosition> lines) implements InStoreCurrency {

    static ReorderSuggestions of(LocalDate asOf, List<StockPosition> all, List<StockPosition> page) {
        BigDecimal value = all.stream().map(StockPosition::reorderValueAtCost).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new ReorderSuggestions(asOf, all.size(), all.stream().mapToLong(StockPosition::reorderQuantity).sum(),
                value, all.stream().filter(line -> line.costPrice() == null).count(), page);
    }
}
