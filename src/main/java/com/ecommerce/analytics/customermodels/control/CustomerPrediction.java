package com.ecommerce.analytics.customermodels.control;

import java.math.BigDecimal;

/** What the model in use expects of one customer over the next year, as stored by its fit. */
public record CustomerPrediction(long customer, double probabilityAlive, double expectedPurchases,
                                 BigDecimal predictedClv) {

    public static final int HORIZON_DAYS = 365;
}
