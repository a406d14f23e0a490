package com.ecommerce.analytics.customermodels.model;

import java.util.Locale;

/**
 * The named segments of the recency x frequency grid, every one of its 25 cells in exactly one segment (the map
 * retail CRM tools commonly draw): recency across, frequency up.
 */
public enum RfmSegment {
    CHAMPIONS, LOYAL_CUSTOMERS, POTENTIAL_LOYALISTS, NEW_CUSTOMERS, PROMISING, NEED_ATTENTION, ABOUT_TO_SLEEP, AT_RISK,
    CANT_LOSE_THEM, HIBERNATING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RfmSegment of(int recency, int frequency) {
        if (recency <= 2) {
            return frequency <= 2 ? HIBERNATING : frequency <= 4 ? AT_RISK : CANT_LOSE_THEM;
        }
        if (recency == 3) {
            return frequency <= 2 ? ABOUT_TO_SLEEP : frequency == 3 ? NEED_ATTENTION : LOYAL_CUSTOMERS;
        }
        if (frequency == 1) {
            return recency == 4 ? PROMISING : NEW_CUSTOMERS;
        }
        if (frequency <= 3) {
            return POTENTIAL_LOYALISTS;
        }
        return recency == 5 && frequency >= 4 ? CHAMPIONS : LOYAL_CUSTOMERS;
    }
}
