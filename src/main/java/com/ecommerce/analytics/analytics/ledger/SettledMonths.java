package com.ecommerce.analytics.analytics.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import com.ecommerce.analytics.analytics.control.PeriodCover;
import com.ecommerce.analytics.platform.database.StoredTime;

/**
 * Which sales have settled, and how often a settled period changed since (table settled_changes). A day settles
 * when it ended two UTC days ago: today's orders never count as changes of the past in any store time zone (nor
 * yesterday's east of UTC), so live orders do not write here. A reader may keep a period's sales only when the
 * period ended four days ago or more, two days more than writers wait: a writer's transaction, started before a
 * reader's read and committed after it, would need to last two days to change a kept period without counting the
 * change. Days are UTC days, so that every instance agrees whatever its STORE_TIMEZONE.
 * <p>
 * A change of a day or a month counts under the month's first day, a change of a year's row under the year's last
 * day, and a product's move under MOVES: one SalesRows call counts in ascending order after its rows, months before
 * their year, as concurrent writers lock their rows (a year counted under its January would be locked out of order).
 */
public final class SettledMonths {

    private static final String COUNT = "INSERT INTO settled_changes (counted_under, slot, changes) VALUES (?, ?, 1) "
            + "ON DUPLICATE KEY UPDATE changes = changes + 1";

    /** Where product moves are counted: before every month, so that changes counted from it on include them. */
    public static final LocalDate MOVES = LocalDate.of(1, 1, 1);

    private SettledMonths() {
    }

    /** The day before which (exclusive) periods may be kept by readers. */
    public static LocalDate keptBefore() {
        return today().minusDays(3);
    }

    /**
     * The changes counted for the periods from the month holding from up to until (exclusive), years included; they
     * only ever grow.
     */
    public static long changes(Connection db, LocalDate from, LocalDate until) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT COALESCE(SUM(changes), 0) FROM settled_changes "
                + "WHERE counted_under >= ? AND counted_under < ?")) {
            query.setObject(1, PeriodCover.Grain.MONTH.start(from));
            query.setObject(2, until);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Counts a change of the given periods, in the caller's transaction, for those that have settled: once per
     * month or year, in the slot given.
     */
    static void count(Connection db, int slot, Collection<PeriodCover.Period> periods) throws SQLException {
        LocalDate settledUntil = today().minusDays(1);
        TreeSet<LocalDate> months = new TreeSet<>();
        for (PeriodCover.Period period : periods) {
            if (!period.until().isAfter(settledUntil)) {
                months.add(period.grain() == PeriodCover.Grain.YEAR ? period.until().minusDays(1)
                        : PeriodCover.Grain.MONTH.start(period.start()));
            }
        }
        countMonths(db, slot, months);
    }

    /** Counts a product's move to another category, which changes the categories' sales of every period. */
    static void countMove(Connection db, int slot) throws SQLException {
        countMonths(db, slot, List.of(MOVES));
    }

    private static void countMonths(Connection db, int slot, Collection<LocalDate> months) throws SQLException {
        if (months.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = db.prepareStatement(COUNT)) {
            for (LocalDate month : months) {
                upsert.setObject(1, month);
                upsert.setInt(2, slot);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(StoredTime.now(), ZoneOffset.UTC);
    }
}
