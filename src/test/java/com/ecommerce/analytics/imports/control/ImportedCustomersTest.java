package com.ecommerce.analytics.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ImportedCustomersTest {

    @Test
    void anImportedCustomersAddressIsTheirNumberUnderTheReservedInvalidDomain() {
        assertEquals("customer-17850@imported.invalid", ImportedCustomers.email("17850"));
        assertEquals("customer-ab-1.x@imported.invalid", ImportedCustomers.email("AB-1.X"));
    }

    @Test
    void referencesThatDifferOnlyInOtherCharactersGetDifferentAddresses() {
        assertEquals("customer-a_201@imported.invalid", ImportedCustomers.email("A 1"));
        assertNotEquals(ImportedCustomers.email("A 1"), ImportedCustomers.email("A/1"));
        assertNotEquals(ImportedCustomers.email("A_201"), ImportedCustomers.email("A 1"), "'_' is escaped too");
    }
}
