package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The period a range is compared with: the one just before it, or the same dates a year earlier. */
public enum Comparison {
    PREVIOUS_PERIOD, PREVIOUS_YEAR;

    public record Range(LocalDate start, LocalDate end) {
    }

    public static Optional<Comparison> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Range of(LocalDate start, LocalDate end) {
        if (this == PREVIOUS_YEAR) {
            return new Range(start.minusYears(1), end.minusYears(1));
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        return new Range(start.minusDays(days), start.minusDays(1));
    }

    /** The change from previous to current in percent, one decimal; none when there was nothing before. */
    public static BigDecimal changePercent(BigDecimal current, BigDecimal previous) {
        if (previous == null || previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).multiply(BigDecimal.valueOf(100))
                .divide(previous.abs(), 1, RoundingMode.HALF_UP);
    }
}
