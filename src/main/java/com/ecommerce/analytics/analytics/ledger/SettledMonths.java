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
 * Which sales have settled, and how often a settled month changed since (table settled_changes). A day settles
 * two days after it ends: the orders of today and yesterday, in any store time zone, never count as changes of the
 * past, so live orders never write here. A reader may keep a period's sales only when the period ended four days
 * ago or more, two days more than writers wait: a writer's transaction, started before a reader's read and
 * committed after it, would need to last two days to change a kept period without counting the change. Days are
 * UTC days, so that every instance agrees whatever its STORE_TIMEZONE.
 */
public final class SettledMonths {

    private static final String COUNT = "INSERT INTO settled_changes (month_start, slot, changes) VALUES (?, ?, 1) "
            + "ON DUPLICATE KEY UPDATE changes = changes + 1";

    /** Where product moves are counted: before every month, so that changes counted from it on include them. */
    public static final LocalDate MOVES = LocalDate.of(1, 1, 1);

    private SettledMonths() {
    }

    /** The day before which (exclusive) periods may be kept by readers. */
    public static LocalDate keptBefore() {
        return today().minusDays(3);
    }

    /** The changes counted for the months from the one holding from up to until (exclusive); they only ever grow. */
    public static long changes(Connection db, LocalDate from, LocalDate until) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT COALESCE(SUM(changes), 0) FROM settled_changes "
                + "WHERE month_start >= ? AND month_start < ?")) {
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
     * month, in the slot given (a year's change counts in its January).
     */
    static void count(Connection db, int slot, Collection<PeriodCover.Period> periods) throws SQLException {
        LocalDate settledUntil = today().minusDays(1);
        TreeSet<LocalDate> months = new TreeSet<>();
        for (PeriodCover.Period period : periods) {
            if (!period.until().isAfter(settledUntil)) {
                months.add(PeriodCover.Grain.MONTH.start(period.start()));
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
