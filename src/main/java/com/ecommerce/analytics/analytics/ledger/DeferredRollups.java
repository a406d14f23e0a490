package com.ecommerce.analytics.analytics.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.control.PeriodCover;

/**
 * The month and year rows an import owes: its batches are written in date order, so consecutive batches add to the
 * same month and year rows, and adding those once every few thousand invoices instead of in every batch writes a
 * fraction of the rows (their months and years stay marked pending meanwhile; see PendingRollups). Only batches
 * that committed are added here. What is owed is written a few thousand rows per transaction, in key order as
 * every writer of the rollups does, and the marks are cleared after the last (BulkSalesLedger.addOwed, clearOwed):
 * readers ignore a marked period's rollups, so they never see it half added.
 */
public final class DeferredRollups {

    private static final int MAX_ROWS = 200_000;
    private static final int ROWS_PER_TRANSACTION = 2_000;
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(30);

    final long run;
    final Map<SalesRows.RollupKey, Measures> rollups = new HashMap<>();
    /** The periods of what is owed, all marked pending in the database. */
    private final Set<PeriodCover.Period> marked = new HashSet<>();
    private long oldest;

    public DeferredRollups(long run) {
        this.run = run;
    }

    /** What a batch owes, after its transaction (which marked its periods) committed. */
    public void add(Map<SalesRows.RollupKey, Measures> owed) {
        if (rollups.isEmpty() && !owed.isEmpty()) {
            oldest = System.nanoTime();
        }
        owed.forEach((key, measures) -> rollups.merge(key, measures, Measures::plus));
        marked.addAll(periodsOf(owed));
    }

    /** The periods of these rows that are not marked yet: the ones a batch must mark. */
    Set<PeriodCover.Period> unmarked(Map<SalesRows.RollupKey, Measures> owed) {
        Set<PeriodCover.Period> periods = periodsOf(owed);
        periods.removeAll(marked);
        return periods;
    }

    private static Set<PeriodCover.Period> periodsOf(Map<SalesRows.RollupKey, Measures> owed) {
        Set<PeriodCover.Period> periods = new HashSet<>();
        owed.keySet().forEach(key -> periods.add(new PeriodCover.Period(PeriodCover.Grain.of(key.grain()), key.start())));
        return periods;
    }

    /** Time to flush: many rows owed, or readers have read the marked periods from their days for a while. */
    public boolean due() {
        return rollups.size() >= MAX_ROWS || (!rollups.isEmpty() && System.nanoTime() - oldest > MAX_AGE_NANOS);
    }

    /** Nothing owed and no marks to clear. */
    public boolean isEmpty() {
        return rollups.isEmpty() && marked.isEmpty();
    }

    /**
     * Adds what is owed a part at a time, in key order, each part no longer owed once the writer returns (its
     * transaction committed): a flush tried again after one part failed adds only what is still owed, never a part
     * twice. The marks stay until flushed.
     */
    public void addEachPart(Consumer<Map<SalesRows.RollupKey, Measures>> writer) {
        for (Map<SalesRows.RollupKey, Measures> part : parts()) {
            writer.accept(part);
            rollups.keySet().removeAll(part.keySet());
        }
    }

    /** What is owed, in key order, a transaction's worth at a time. */
    List<Map<SalesRows.RollupKey, Measures>> parts() {
        List<Map<SalesRows.RollupKey, Measures>> parts = new ArrayList<>();
        Map<SalesRows.RollupKey, Measures> part = new TreeMap<>(SalesRows.ROLLUP_ORDER);
        Map<SalesRows.RollupKey, Measures> sorted = new TreeMap<>(SalesRows.ROLLUP_ORDER);
        sorted.putAll(rollups);
        for (Map.Entry<SalesRows.RollupKey, Measures> row : sorted.entrySet()) {
            part.put(row.getKey(), row.getValue());
            if (part.size() == ROWS_PER_TRANSACTION) {
                parts.add(part);
                part = new TreeMap<>(SalesRows.ROLLUP_ORDER);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    /** After every part was added and the marks cleared. */
    public void flushed() {
        rollups.clear();
        marked.clear();
    }
}
