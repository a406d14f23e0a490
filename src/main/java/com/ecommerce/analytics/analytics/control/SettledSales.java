package com.ecommerce.analytics.analytics.control;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.customers.entity.CountryCode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The product and category sales of settled periods (see SettledMonths) kept in memory, by the runs of a range's
 * cover they sum, with the changes counted for their months when they were read. A request whose count has not
 * moved since adds them to what it reads of the rest of its range: about a month of rows where a range of years
 * read tens of thousands. The least recently used go first when more than MAX_TALLIES tallies are kept.
 */
@ApplicationScoped
public class SettledSales {

    /** About 20 MB of arrays. */
    static final int MAX_TALLIES = 400_000;

    /** What was summed (by product or by category), in which country (null: all), over which runs. */
    record Key(ProductSalesReader.Key sum, CountryCode country, List<PeriodCover.Run> runs) {
    }

    private record Kept(long changes, Tallies.Frozen tallies) {
    }

    private final Map<Key, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long tallies;

    /** The sales kept for the key if they were read when the settled changes of their months were as counted now. */
    synchronized Tallies.Frozen find(Key key, long changes) {
        Kept found = kept.get(key);
        return found == null || found.changes() != changes ? null : found.tallies();
    }

    /** Keeps sales read when the changes counted were as given, unless sales read later are kept already. */
    synchronized void keep(Key key, long changes, Tallies.Frozen read) {
        Kept previous = kept.get(key);
        if (previous != null && previous.changes() > changes) {
            return;
        }
        kept.put(key, new Kept(changes, read));
        tallies += read.size() - (previous == null ? 0 : previous.tallies().size());
        Iterator<Kept> eldest = kept.values().iterator();
        while (tallies > MAX_TALLIES && kept.size() > 1) {
            tallies -= eldest.next().tallies().size();
            eldest.remove();
        }
    }
}
