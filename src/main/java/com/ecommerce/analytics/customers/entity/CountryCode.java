package com.ecommerce.analytics.customers.entity;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An ISO 3166-1 alpha-2 country code, always upper case; or EU, the code ISO 3166-1 reserves for the European Union,
 * where sales data names no member state ("European Community" in the UCI Online Retail data set).
 */
public record CountryCode(String value) {

    private static final Set<String> ISO_CODES = Stream.concat(
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream(), Stream.of("EU")).collect(Collectors.toSet());

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
