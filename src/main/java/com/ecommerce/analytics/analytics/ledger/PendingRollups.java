package com.ecommerce.analytics.analytics.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.ecommerce.analytics.analytics.control.PeriodCover;

/**
 * The months and years whose rollup rows do not yet hold what an import wrote to their days (table
 * sales_rollup_pending): readers read them from their finer rows, and a rebuild leaves their rollups alone
 * until the import adds them (DeferredRollups), or, if the import died first, until the next import repairs them.
 */
public final class PendingRollups {

    private PendingRollups() {
    }

    public static Set<PeriodCover.Period> all(Connection db) throws SQLException {
        return byImport(db).keySet();
    }

    /** Each pending period, with the imports that left it pending. */
    public static Map<PeriodCover.Period, Set<Long>> byImport(Connection db) throws SQLException {
        Map<PeriodCover.Period, Set<Long>> pending = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT grain, period_start, import_id FROM sales_rollup_pending");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                pending.computeIfAbsent(new PeriodCover.Period(PeriodCover.Grain.of(rows.getString(1)), rows.getObject(2, LocalDate.class)),
                        period -> new HashSet<>()).add(rows.getLong(3));
            }
        }
        return pending;
    }

    static void mark(Connection db, long run, Collection<PeriodCover.Period> periods) throws SQLException {
        if (periods.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO sales_rollup_pending (grain, period_start, import_id) VALUES (?, ?, ?)")) {
            for (PeriodCover.Period period : periods) {
                insert.setString(1, period.grain().code());
                insert.setObject(2, period.start());
                insert.setLong(3, run);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public static void clear(Connection db, Collection<Long> runs) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM sales_rollup_pending WHERE import_id = ?")) {
            for (long run : new HashSet<>(runs)) {
                delete.setLong(1, run);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
