package com.ecommerce.analytics.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.analytics.control.PeriodCover.Grain;
import com.ecommerce.analytics.analytics.control.PeriodCover.Period;
import com.ecommerce.analytics.analytics.control.PeriodCover.Run;

class PeriodCoverTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void everyDayOfAnyRangeCountsExactlyOnceAndNoOtherDayCounts() {
        Random random = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            LocalDate first = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(3_000));
            LocalDate last = first.plusDays(random.nextInt(i % 3 == 0 ? 40 : 1_200));
            Map<LocalDate, Integer> counted = days(PeriodCover.of(first, last, TODAY));
            for (LocalDate day = first.minusYears(1).withDayOfYear(1); day.isBefore(last.plusYears(2)); day = day.plusDays(1)) {
                int expected = day.isBefore(first) || day.isAfter(last) ? 0 : 1;
                assertEquals(expected, counted.getOrDefault(day, 0), first + ".." + last + " counts " + day);
            }
        }
    }

    @Test
    void aWholeMonthIsOneMonthRow() {
        assertEquals(List.of(new Run(Grain.MONTH, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1), 1)),
                PeriodCover.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), TODAY));
    }

    @Test
    void aWholeYearIsOneYearRow() {
        assertEquals(List.of(new Run(Grain.YEAR, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), 1)),
                PeriodCover.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), TODAY));
    }

    @Test
    void twentyFourMonthsToTodayReadAFewPeriodsAndAFewDays() {
        List<Run> runs = PeriodCover.of(TODAY.minusMonths(24), TODAY, TODAY);
        long days = runs.stream().filter(run -> run.grain() == Grain.DAY)
                .mapToLong(run -> run.until().toEpochDay() - run.from().toEpochDay()).sum();
        long periods = runs.stream().filter(run -> run.grain() != Grain.DAY).count();
        assertTrue(days <= 8, "days read: " + runs);
        assertTrue(periods <= 6, "months and years read: " + runs);
    }

    @Test
    void aFortnightInsideAMonthIsItsDays() {
        assertEquals(List.of(new Run(Grain.DAY, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20), 1)),
                PeriodCover.of(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 19), TODAY));
    }

    @Test
    void pendingPeriodsAreReadFromTheirFinerRowsAndEveryDayStillCountsOnce() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            LocalDate first = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(3_000));
            LocalDate last = first.plusDays(random.nextInt(1_200));
            LocalDate pendingDay = first.plusDays(random.nextInt(1_300) - 50);
            Set<Period> pending = Set.of(new Period(Grain.MONTH, Grain.MONTH.start(pendingDay)),
                    new Period(Grain.YEAR, Grain.YEAR.start(pendingDay)));
            List<Run> runs = PeriodCover.of(first, last, TODAY, pending);
            for (Run run : runs) {
                for (LocalDate period = run.from(); period.isBefore(run.until()); period = run.grain().next(period)) {
                    assertFalse(pending.contains(new Period(run.grain(), period)), first + ".." + last + " reads " + run);
                }
            }
            Map<LocalDate, Integer> counted = days(runs);
            for (LocalDate day = first.minusYears(1).withDayOfYear(1); day.isBefore(last.plusYears(2)); day = day.plusDays(1)) {
                int expected = day.isBefore(first) || day.isAfter(last) ? 0 : 1;
                assertEquals(expected, counted.getOrDefault(day, 0), first + ".." + last + " counts " + day);
            }
        }
    }

    @Test
    void aPendingYearIsReadAsItsMonthsAndAPendingMonthAsItsDays() {
        List<Run> runs = PeriodCover.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), TODAY,
                Set.of(new Period(Grain.YEAR, LocalDate.of(2025, 1, 1)), new Period(Grain.MONTH, LocalDate.of(2025, 3, 1))));
        assertEquals(List.of(new Run(Grain.DAY, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1), 1),
                new Run(Grain.MONTH, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1), 1),
                new Run(Grain.MONTH, LocalDate.of(2025, 4, 1), LocalDate.of(2026, 1, 1), 1)), runs);
    }

    private static Map<LocalDate, Integer> days(List<Run> runs) {
        Map<LocalDate, Integer> days = new HashMap<>();
        for (Run run : runs) {
            for (LocalDate period = run.from(); period.isBefore(run.until()); period = run.grain().next(period)) {
                LocalDate next = run.grain().next(period);
                for (LocalDate day = period; day.isBefore(next); day = day.plusDays(1)) {
                    days.merge(day, run.sign(), Integer::sum);
                }
            }
        }
        return days;
    }
}
