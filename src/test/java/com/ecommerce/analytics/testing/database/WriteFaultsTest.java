package com.ecommerce.analytics.testing.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.platform.database.LockConflict;

/**
 * The faults on the embedded database as the application meets them: H2 answers what a trigger threw with an
 * exception of its own of the same SQLSTATE and error code, the trigger's as its cause. A deadlock fault is so
 * SQLSTATE 40001 with error code 0 (not H2's own deadlock, error 40001, nor an SQLTransactionRollbackException),
 * which LockConflict recognises by its SQLSTATE; a plain fault (45000) is no lock conflict.
 */
class WriteFaultsTest {

    private Connection db;
    private WriteFaults faults;

    @BeforeEach
    void database() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:write-faults;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
        execute("CREATE TABLE category (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
        faults = new WriteFaults(db);
    }

    @AfterEach
    void close() throws SQLException {
        faults.removeAll();
        execute("DROP TABLE category");
        db.close();
    }

    @Test
    void aDeadlockOnceFailsTheFirstWriteOfTheRowAsALockConflictAndLetsTheNextPass() throws SQLException {
        faults.install("category", "name", "Lamps", WriteFaults.Kind.DEADLOCK_ONCE, false);
        SQLException failed = assertThrows(SQLException.class, () -> insert("Lamps"));
        assertEquals("40001", failed.getSQLState());
        assertEquals(0, failed.getErrorCode(), "not H2's own DEADLOCK_1 (40001)");
        assertFalse(failed instanceof SQLTransactionRollbackException);
        assertEquals("40001", ((SQLException) failed.getCause()).getSQLState(), "the trigger's own, as the cause");
        assertTrue(LockConflict.inCausesOf(failed), "by its SQLSTATE");

        insert("Lamps");
        insert("Chairs");
        execute("UPDATE category SET name = 'Lamps' WHERE name = 'Chairs'");
        assertEquals(3, faults.writes("category"), "the rows of other values pass uncounted");
    }

    @Test
    void aDeadlockFailsEveryWriteOfTheRowAndAnInsertsOnlyFaultLetsUpdatesPass() throws SQLException {
        faults.install("category", "name", "Lamps", WriteFaults.Kind.DEADLOCK, true);
        insert("Chairs");
        execute("UPDATE category SET name = 'Lamps' WHERE name = 'Chairs'");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertTrue(LockConflict.inCausesOf(assertThrows(SQLException.class, () -> insert("Lamps"))));
        }
        assertEquals(3, faults.writes("category"));
    }

    @Test
    void aPlainFaultIsNoLockConflict() throws SQLException {
        faults.install("category", "name", "Lamps", WriteFaults.Kind.FAIL, false);
        SQLException failed = assertThrows(SQLException.class, () -> insert("Lamps"));
        assertEquals("45000", ((SQLException) failed.getCause()).getSQLState());
        assertFalse(LockConflict.inCausesOf(failed));
    }

    private void insert(String name) throws SQLException {
        execute("INSERT INTO category (name) VALUES ('" + name + "')");
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
