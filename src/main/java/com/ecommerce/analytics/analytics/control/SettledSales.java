package com.ecommerce.analytics.analytics.control;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.ecommerce.analytics.customers.entity.CountryCode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The product and category sales of settled periods (see SettledMonths) kept in memory, by the runs of a range's
 * cover they sum, with the changes counted for their months when they were read. A request whose count has not
 * moved since adds them to what it reads of the rest of its range: about a month of rows where a range of years
 * read tens of thousands. The least recently used go first when the kept tallies weigh more than MAX_TALLIES (an
 * entry weighs its tallies and ENTRY_WEIGHT more, so that many small entries are bounded too). Kept sales are
 * read again after KEPT_FOR at the latest: a change made beside the application (SQL by hand, a restored backup,
 * an instance of an older version) is not counted, and shows within that time.
 */
@ApplicationScoped
public class SettledSales {

    /** About 20 MB of arrays. */
    static final int MAX_TALLIES = 400_000;
    /** What an entry's key, runs and arrays cost beside its tallies, in tallies of 48 bytes: about 1.5 KB. */
    static final int ENTRY_WEIGHT = 32;
    static final Duration KEPT_FOR = Duration.ofHours(1);

    /** What was summed (by product or by category), in which country (null: all), over which runs. */
    record Key(ProductSalesReader.Key sum, CountryCode country, List<PeriodCover.Run> runs) {
    }

    private record Kept(long changes, Tallies.Frozen tallies, long readAt) {
        long weight() {
            return tallies.size() + ENTRY_WEIGHT;
        }
    }

    private final Map<Key, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;
    private final LongSupplier clock;

    public SettledSales() {
        this(System::nanoTime);
    }

    SettledSales(LongSupplier clock) {
        this.clock = clock;
    }

    /** The sales kept for the key if they were read when the settled changes of their months were as counted now. */
    synchronized Tallies.Frozen find(Key key, long changes) {
        Kept found = kept.get(key);
        if (found == null || found.changes() != changes || clock.getAsLong() - found.readAt() > KEPT_FOR.toNanos()) {
            return null;
        }
        return found.tallies();
    }

    /** Keeps sales read when the changes counted were as given, unless sales read later are kept already. */
    synchronized void keep(Key key, long changes, Tallies.Frozen read) {
        Kept previous = kept.get(key);
        if (previous != null && previous.changes() > changes) {
            return;
        }
        Kept added = new Kept(changes, read, clock.getAsLong());
        kept.put(key, added);
        weight += added.weight() - (previous == null ? 0 : previous.weight());
        Iterator<Kept> eldest = kept.values().iterator();
        while (weight > MAX_TALLIES && kept.size() > 1) {
            weight -= eldest.next().weight();
            eldest.remove();
        }
    }
}
