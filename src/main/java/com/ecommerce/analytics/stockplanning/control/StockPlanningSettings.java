package com.ecommerce.analytics.stockplanning.control;

import java.math.BigDecimal;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The store's planning defaults, read once and checked at start (a bad value stops the server, not a report). */
@ApplicationScoped
public class StockPlanningSettings {

    @Inject
    @ConfigProperty(name = "INVENTORY_LEAD_TIME_DAYS", defaultValue = "7")
    int leadTimeDays;

    @Inject
    @ConfigProperty(name = "INVENTORY_SERVICE_LEVEL", defaultValue = "0.95")
    BigDecimal serviceLevel;

    @Inject
    @ConfigProperty(name = "INVENTORY_REVIEW_DAYS", defaultValue = "7")
    int reviewDays;

    @Inject
    @ConfigProperty(name = "INVENTORY_OVERSTOCK_DAYS", defaultValue = "180")
    int overstockDays;

    @PostConstruct
    void check() {
        require(leadTimeDays >= 1 && leadTimeDays <= 365, "INVENTORY_LEAD_TIME_DAYS must be 1-365");
        require(serviceLevel.compareTo(new BigDecimal("0.5")) >= 0 && serviceLevel.compareTo(new BigDecimal("0.9999")) <= 0,
                "INVENTORY_SERVICE_LEVEL must be 0.5-0.9999");
        require(reviewDays >= 1 && reviewDays <= 365, "INVENTORY_REVIEW_DAYS must be 1-365");
        require(overstockDays >= 1 && overstockDays <= 3650, "INVENTORY_OVERSTOCK_DAYS must be 1-3650");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    public int leadTimeDays() {
        return leadTimeDays;
    }

    public BigDecimal serviceLevel() {
        return serviceLevel;
    }

    public int reviewDays() {
        return reviewDays;
    }

    public int overstockDays() {
        return overstockDays;
    }
}
