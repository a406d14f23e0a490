package com.ecommerce.analytics.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.analytics.control.Interval.Bucket;

class IntervalTest {

    private static final LocalDate START = LocalDate.of(2024, 2, 27);
    private static final LocalDate END = LocalDate.of(2024, 3, 5);

    @Test
    void daysCoverTheLeapDayAndEveryDayOfTheRange() {
        List<Bucket> days = Interval.DAY.buckets(START, END);
        assertEquals(8, days.size());
        assertEquals("2024-02-29", days.get(2).period());
    }

    @Test
    void weeksAreIsoWeeksClippedToTheRange() {
        List<Bucket> weeks = Interval.WEEK.buckets(START, END);
        assertEquals(List.of(new Bucket("2024-W09", START, LocalDate.of(2024, 3, 3)),
                new Bucket("2024-W10", LocalDate.of(2024, 3, 4), END)), weeks);
        assertEquals("2020-W53", Interval.WEEK.buckets(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 1)).get(0).period(),
                "1 January 2021 is in the last ISO week of 2020");
    }

    @Test
    void monthsQuartersAndYearsAreCalendarPeriods() {
        assertEquals(List.of(new Bucket("2024-02", START, LocalDate.of(2024, 2, 29)),
                new Bucket("2024-03", LocalDate.of(2024, 3, 1), END)), Interval.MONTH.buckets(START, END));
        List<Bucket> quarters = Interval.QUARTER.buckets(LocalDate.of(2023, 12, 15), LocalDate.of(2024, 4, 1));
        assertEquals(List.of("2023-Q4", "2024-Q1", "2024-Q2"), quarters.stream().map(Bucket::period).toList());
        assertEquals(LocalDate.of(2024, 3, 31), quarters.get(1).end());
        assertEquals(List.of("2023", "2024"),
                Interval.YEAR.buckets(LocalDate.of(2023, 6, 1), LocalDate.of(2024, 1, 1)).stream().map(Bucket::period).toList());
    }
}
