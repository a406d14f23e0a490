package com.ecommerce.analytics.analytics.repair;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * A connection whose reads all see the database as of one moment, without locking anything: InnoDB's
 * REPEATABLE READ (one read view from the first read on) and H2's SNAPSHOT (its REPEATABLE READ takes each
 * table's snapshot at first use, which would let the orders and the aggregates be read at different moments).
 * The orders and the aggregates are changed in the same transactions, so in such a view they agree unless the
 * bookkeeping is wrong: what a repair corrects, while orders go on being placed.
 */
final class ConsistentRead implements AutoCloseable {

    private final Connection db;
    private final boolean h2;
    private final int isolation;

    private ConsistentRead(Connection db) throws SQLException {
        this.db = db;
        this.h2 = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        this.isolation = db.getTransactionIsolation();
        if (h2) {
            execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            db.setAutoCommit(false);
        } else {
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setAutoCommit(false);
            execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
    }

    /** Must be called outside a container transaction: the view lasts until close. */
    static ConsistentRead open(DataSource dataSource) throws SQLException {
        Connection db = dataSource.getConnection();
        try {
            return new ConsistentRead(db);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    Connection connection() {
        return db;
    }

    @Override
    public void close() throws SQLException {
        try {
            db.rollback();
            db.setAutoCommit(true);
            if (h2) {
                execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
            } else {
                db.setTransactionIsolation(isolation);
            }
        } finally {
            db.close();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
