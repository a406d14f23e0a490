package com.ecommerce.analytics.analytics.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A range of days as a signed sum of whole years, months and days, the grains the sales rollups keep: the
 * range [first, last] is everything before last + 1 less everything before first, and each of those is the
 * years before it, then its year's months before it (or the whole year less the months from it on), then its
 * month's days before it (or the whole month less the days from it on). Of the sixteen ways that gives, the
 * one reading the fewest rows is chosen; periods that start after today hold no sales yet and cost nothing.
 * The same idea as a data warehouse's aggregate navigation (Kimball), without any cumulative snapshot.
 */
public final class PeriodCover {

    public enum Grain {
        DAY(1), MONTH(3), YEAR(4);

        /** Rows read for one period, relative to a day's: a month or a year holds each product at most once. */
        final int cost;

        Grain(int cost) {
            this.cost = cost;
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case MONTH -> start.plusMonths(1);
                case YEAR -> start.plusYears(1);
            };
        }

        /** The start of the period of this grain that holds the day. */
        public LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case MONTH -> day.withDayOfMonth(1);
                case YEAR -> day.withDayOfYear(1);
            };
        }

        public String code() {
            return name().substring(0, 1);
        }

        public static Grain of(String code) {
            for (Grain grain : values()) {
                if (grain.code().equals(code)) {
                    return grain;
                }
            }
            throw new IllegalArgumentException("No grain " + code);
        }
    }

    /** One day, month or year (a day is never pending). */
    public record Period(Grain grain, LocalDate start) {
        /** The day after its last. */
        public LocalDate until() {
            return grain.next(start);
        }
    }

    /** The periods of one grain from the one starting on from up to (not including) until, each counted sign times. */
    public record Run(Grain grain, LocalDate from, LocalDate until, int sign) {
    }

    private PeriodCover() {
    }

    public static List<Run> of(LocalDate first, LocalDate last, LocalDate today) {
        return of(first, last, today, Set.of());
    }

    /** The cover reading no rollup row of a pending period: such a year is read as its months, such a month as its days. */
    public static List<Run> of(LocalDate first, LocalDate last, LocalDate today, Set<Period> pending) {
        LocalDate anchor = Grain.YEAR.start(first);
        LocalDate end = last.plusDays(1);
        Map<Grain, TreeMap<LocalDate, Integer>> best = null;
        long bestCost = Long.MAX_VALUE;
        for (int endWay = 0; endWay < 4; endWay++) {
            for (int startWay = 0; startWay < 4; startWay++) {
                Map<Grain, TreeMap<LocalDate, Integer>> counts = new EnumMap<>(Grain.class);
                for (Grain grain : Grain.values()) {
                    counts.put(grain, new TreeMap<>());
                }
                addBefore(counts, anchor, end, endWay, 1);
                addBefore(counts, anchor, first, startWay, -1);
                long cost = cost(counts, today);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = counts;
                }
            }
        }
        if (!pending.isEmpty()) {
            readFiner(best, Grain.YEAR, Grain.MONTH, pending);
            readFiner(best, Grain.MONTH, Grain.DAY, pending);
        }
        return runs(best);
    }

    private static void readFiner(Map<Grain, TreeMap<LocalDate, Integer>> counts, Grain coarse, Grain fine,
                                  Set<Period> pending) {
        Iterator<Map.Entry<LocalDate, Integer>> periods = counts.get(coarse).entrySet().iterator();
        while (periods.hasNext()) {
            Map.Entry<LocalDate, Integer> period = periods.next();
            if (pending.contains(new Period(coarse, period.getKey()))) {
                add(counts, fine, period.getKey(), coarse.next(period.getKey()), period.getValue());
                periods.remove();
            }
        }
    }

    /** Everything from the anchor to the day, the way chosen by two bits: bit 0 for the months, bit 1 for the days. */
    private static void addBefore(Map<Grain, TreeMap<LocalDate, Integer>> counts, LocalDate anchor, LocalDate day, int way,
                                  int sign) {
        LocalDate year = Grain.YEAR.start(day);
        LocalDate month = Grain.MONTH.start(day);
        add(counts, Grain.YEAR, anchor, year, sign);
        if ((way & 1) == 0) {
            add(counts, Grain.MONTH, year, month, sign);
        } else {
            add(counts, Grain.YEAR, year, year.plusYears(1), sign);
            add(counts, Grain.MONTH, month, year.plusYears(1), -sign);
        }
        if ((way & 2) == 0) {
            add(counts, Grain.DAY, month, day, sign);
        } else {
            add(counts, Grain.MONTH, month, month.plusMonths(1), sign);
            add(counts, Grain.DAY, day, month.plusMonths(1), -sign);
        }
    }

    private static void add(Map<Grain, TreeMap<LocalDate, Integer>> counts, Grain grain, LocalDate from, LocalDate until,
                            int sign) {
        TreeMap<LocalDate, Integer> periods = counts.get(grain);
        for (LocalDate start = from; start.isBefore(until); start = grain.next(start)) {
            periods.merge(start, sign, Integer::sum);
            if (periods.get(start) == 0) {
                periods.remove(start);
            }
        }
    }

    private static long cost(Map<Grain, TreeMap<LocalDate, Integer>> counts, LocalDate today) {
        long cost = 0;
        for (Map.Entry<Grain, TreeMap<LocalDate, Integer>> grain : counts.entrySet()) {
            for (Map.Entry<LocalDate, Integer> period : grain.getValue().entrySet()) {
                if (!period.getKey().isAfter(today)) {
                    cost += (long) grain.getKey().cost * Math.abs(period.getValue());
                }
            }
            cost += grain.getValue().isEmpty() ? 0 : 1;
        }
        return cost;
    }

    /** Consecutive periods of a grain counted alike become one run, so that each run is one range read. */
    private static List<Run> runs(Map<Grain, TreeMap<LocalDate, Integer>> counts) {
        List<Run> runs = new ArrayList<>();
        counts.forEach((grain, periods) -> {
            Run open = null;
            for (Map.Entry<LocalDate, Integer> period : periods.entrySet()) {
                LocalDate start = period.getKey();
                if (open != null && open.until().equals(start) && open.sign() == period.getValue()) {
                    open = new Run(grain, open.from(), grain.next(start), open.sign());
                } else {
                    if (open != null) {
                        runs.add(open);
                    }
                    open = new Run(grain, start, grain.next(start), period.getValue());
                }
            }
            if (open != null) {
                runs.add(open);
            }
        });
        runs.sort(Comparator.comparing(Run::grain).thenComparing(Run::from));
        return runs;
    }
}
