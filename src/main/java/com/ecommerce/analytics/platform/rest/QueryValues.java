package com.ecommerce.analytics.platform.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.ecommerce.analytics.platform.errors.InvalidRequest;

/** Query parameters the way the earlier service's clients wrote them. */
public final class QueryValues {

    private QueryValues() {
    }

    /** A calendar date as YYYY-MM-DD, or null when absent. */
    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw InvalidRequest.field(name, "must be a date as YYYY-MM-DD, not '" + raw + "'");
        }
    }

    public static BigDecimal decimal(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw InvalidRequest.field(name, "must be a number, not '" + raw + "'");
        }
    }

    public static Integer whole(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw InvalidRequest.field(name, "must be a whole number, not '" + raw + "'");
        }
    }

    /** A whole number from 1 to max, or the default when absent. */
    public static int counted(String name, String raw, int absent, int max) {
        Integer value = whole(name, raw);
        if (value == null) {
            return absent;
        }
        if (value < 1 || value > max) {
            throw InvalidRequest.field(name, "must be between 1 and " + max);
        }
        return value;
    }

    /** DRF's boolean filter: true/false, also 1/0 and any case; absent gives the default. */
    public static Boolean bool(String name, String raw, Boolean absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw InvalidRequest.field(name, "must be true or false");
        };
    }
}
