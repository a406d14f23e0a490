package com.ecommerce.analytics.inventory.control;

import java.util.logging.Logger;

import com.ecommerce.analytics.inventory.entity.Inventory;

final class LowStock {

    private LowStock() {
    }

    static void report(Logger log, Inventory inventory) {
        log.warning(() -> String.format("Low stock: product %d (%s) has %d left, at or below its threshold of %d",
                inventory.getProduct().getId(), inventory.getProduct().getSku(), inventory.getQuantity(),
                inventory.getLowStockThreshold()));
    }
}
