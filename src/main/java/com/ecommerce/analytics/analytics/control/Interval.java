package com.ecommerce.analytics.analytics.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The buckets of a revenue time series; weeks are ISO weeks, starting on Monday. */
public enum Interval {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    /** One bucket, clipped to the range asked for. */
    public record Bucket(String period, LocalDate start, LocalDate end) {
    }

    public static Optional<Interval> fromCode(String code) {
        return Arrays.stream(values()).filter(i -> i.name().equalsIgnoreCase(code)).findFirst();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every bucket from start to end, both inclusive, none missing. */
    public List<Bucket> buckets(LocalDate start, LocalDate end) {
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate first = start; !first.isAfter(end); ) {
            LocalDate last = lastDayOfBucket(first);
            LocalDate clipped = last.isAfter(end) ? end : last;
            buckets.add(new Bucket(label(first), first, clipped));
            first = last.plusDays(1);
        }
        return buckets;
    }

    public LocalDate firstDayOfBucket(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    private LocalDate lastDayOfBucket(LocalDate day) {
        LocalDate first = firstDayOfBucket(day);
        return switch (this) {
            case DAY -> first;
            case WEEK -> first.plusDays(6);
            case MONTH -> first.plusMonths(1).minusDays(1);
            case QUARTER -> first.plusMonths(3).minusDays(1);
            case YEAR -> first.plusYears(1).minusDays(1);
        };
    }

    private String label(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.toString().substring(0, 7);
            case QUARTER -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(day.getYear());
        };
    }
}
