package com.ecommerce.analytics.stockplanning.control;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Stock value now and gross margin over a range, by category, with the store's total (category null) first. */
@Schema(name = "StockValueReport")
public record StockValueReport(LocalDate startDate, LocalDate endDate,
                               @Schema(description = "The whole store: category and category_name are null")
                               CategoryValue total,
                               List<CategoryValue> categories) {
}
