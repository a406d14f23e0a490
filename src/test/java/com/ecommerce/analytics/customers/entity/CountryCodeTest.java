package com.ecommerce.analytics.customers.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountryCodeTest {

    @Test
    void isoCodesAreAcceptedInAnyCaseAndKeptUpperCase() {
        assertEquals("GB", new CountryCode("gb").value());
        assertTrue(CountryCode.isValid("de"));
        assertTrue(CountryCode.isValid("EU"), "reserved by ISO 3166-1 for the European Union");
    }

    @Test
    void namesAndUnknownCodesAreRejected() {
        assertFalse(CountryCode.isValid("UK"));
        assertFalse(CountryCode.isValid("Germany"));
        assertFalse(CountryCode.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> new CountryCode("XX"));
    }
}
