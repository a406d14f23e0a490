package com.ecommerce.analytics.customers.entity;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, always upper case. */
public record CountryCode(String value) {

    private static final Set<String> ISO_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !ISO_CODES.contains(value.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + value);
        }
        value = value.toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String candidate) {
        return candidate != null && ISO_CODES.contains(candidate.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
