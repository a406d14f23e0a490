package com.ecommerce.analytics.stockplanning.alerts;

import static com.ecommerce.analytics.stockplanning.control.StockStatus.AT_RISK;
import static com.ecommerce.analytics.stockplanning.control.StockStatus.DEAD;
import static com.ecommerce.analytics.stockplanning.control.StockStatus.HEALTHY;
import static com.ecommerce.analytics.stockplanning.control.StockStatus.OVERSTOCK;
import static com.ecommerce.analytics.stockplanning.control.StockStatus.STOCK_OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossingTest {

    @Test
    void runningOutOrFallingIntoRiskAlertsAndNothingElseDoes() {
        assertTrue(new Crossing(1, HEALTHY, AT_RISK).raisesAlert());
        assertTrue(new Crossing(1, OVERSTOCK, AT_RISK).raisesAlert());
        assertTrue(new Crossing(1, AT_RISK, STOCK_OUT).raisesAlert(), "running out after the warning");
        assertTrue(new Crossing(1, DEAD, STOCK_OUT).raisesAlert());
        assertTrue(new Crossing(1, null, STOCK_OUT).raisesAlert(), "a product first seen out of stock");
        assertFalse(new Crossing(1, STOCK_OUT, AT_RISK).raisesAlert(), "a partial restock is no news");
        assertFalse(new Crossing(1, AT_RISK, AT_RISK).raisesAlert());
        assertFalse(new Crossing(1, AT_RISK, HEALTHY).raisesAlert());
        assertFalse(new Crossing(1, HEALTHY, OVERSTOCK).raisesAlert());
    }

    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() {
        // printf '1700000000.{"id":1}' | openssl dgst -sha256 -hmac secret
        assertEquals("sha256=3dd1b9aef568d75f6790a84bd2e5dfa1f44409eef3cbdbd3f10b837376100c11",
                WebhookSignature.sign("secret", 1_700_000_000L, "{\"id\":1}"));
    }
}
