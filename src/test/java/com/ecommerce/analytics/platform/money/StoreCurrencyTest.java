package com.ecommerce.analytics.platform.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoreCurrencyTest {

    @Test
    void anIsoCodeIsTheCurrencyAndAnythingElseStopsTheStartNamingTheSetting() {
        assertEquals("GBP", StoreCurrency.parse(" GBP ").getCurrencyCode());
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> StoreCurrency.parse("Euro"));
        assertTrue(wrong.getMessage().contains("STORE_CURRENCY 'Euro'"), wrong.getMessage());
    }
}
