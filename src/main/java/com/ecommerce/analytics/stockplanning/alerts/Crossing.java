package com.ecommerce.analytics.stockplanning.alerts;

import com.ecommerce.analytics.stockplanning.control.StockStatus;

/**
 * A product's move from the status the watch saw last to the one it sees now. It raises an alert when the product
 * runs out (from any other status) or falls at risk from a status without risk; a partial restock from stock_out to
 * at_risk is no news. A product the watch sees for the first time counts as coming from no status.
 */
public record Crossing(long product, StockStatus previous, StockStatus now) {

    public boolean raisesAlert() {
        return switch (now) {
            case STOCK_OUT -> previous != StockStatus.STOCK_OUT;
            case AT_RISK -> previous != StockStatus.AT_RISK && previous != StockStatus.STOCK_OUT;
            default -> false;
        };
    }

    public boolean isChange() {
        return previous != now;
    }
}
