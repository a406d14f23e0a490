package com.ecommerce.analytics.inventory.control;

import com.ecommerce.analytics.inventory.entity.Inventory;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A product's stock record as a client may set it; a higher quantity is a restock. */
public record InventoryInput(
        @NotNull Long product,
        @NotNull @Min(0) Integer quantity,
        @Min(0) Integer lowStockThreshold) {

    public static InventoryInput of(Inventory inventory) {
        return new InventoryInput(inventory.productId(), inventory.getQuantity(), inventory.getLowStockThreshold());
    }

    public int thresholdOrDefault() {
        return lowStockThreshold == null ? Inventory.DEFAULT_LOW_STOCK_THRESHOLD : lowStockThreshold;
    }
}
