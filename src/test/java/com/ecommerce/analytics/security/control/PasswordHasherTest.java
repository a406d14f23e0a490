package com.ecommerce.analytics.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Made with Python's hashlib.pbkdf2_hmac, as Django stores them. */
    private static final String DJANGO_HASH = "pbkdf2_sha256$1000$NaCl2024$0bo17ltICrB15n79U4/5h9U5er+xCF8n2Ko3ItLkC+4=";
    private static final String DJANGO_UNICODE_HASH = "pbkdf2_sha256$1000$NaCl2024$2xbobvhjOa1tyzo1VUqwq96j9LyMvrDsTNphRrmUeWI=";

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void aHashedPasswordMatchesOnlyItself() {
        String stored = hasher.hash("correct horse battery");
        assertTrue(hasher.matches("correct horse battery", stored));
        assertFalse(hasher.matches("correct horse batterY", stored));
        assertFalse(hasher.matches("", stored));
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void hashesUseDjangosFormatWithOwaspIterationsByDefault() {
        String[] parts = new PasswordHasher().hash("x").split("\\$");
        assertEquals("pbkdf2_sha256", parts[0]);
        assertEquals("600000", parts[1]);
        assertEquals(22, parts[2].length());
        assertEquals(44, parts[3].length());
    }

    @Test
    void passwordsHashedByTheEarlierDjangoServiceStillMatch() {
        assertTrue(hasher.matches("correct horse", DJANGO_HASH));
        assertFalse(hasher.matches("correct horse!", DJANGO_HASH));
        assertTrue(hasher.matches("pässwörd", DJANGO_UNICODE_HASH));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertFalse(hasher.matches("x", null));
        assertFalse(hasher.matches("x", "plain-text"));
        assertFalse(hasher.matches("x", "md5$1000$salt$hash"));
        assertFalse(hasher.matches("x", "pbkdf2_sha256$many$salt$hash"));
    }
}
