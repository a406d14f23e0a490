package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;

/**
 * What the catalogue and the stock records say about a product today: stock on hand (0 without a record), its
 * prices, and the lead time and service level it is planned with (its own, else its category's; null: the store's).
 */
public record ProductStock(long product, String sku, String name, long category, String categoryName, BigDecimal price,
                           BigDecimal costPrice, Integer leadTimeDays, BigDecimal serviceLevel, long onHand,
                           boolean active) {

    /** What the inventory report lists: a product on sale, or one withdrawn with stock left. */
    public boolean onSaleOrStocked() {
        return active || onHand > 0;
    }
}
