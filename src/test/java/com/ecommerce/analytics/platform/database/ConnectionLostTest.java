package com.ecommerce.analytics.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;

class ConnectionLostTest {

    @Test
    void aCommunicationsLinkFailureInsideTheContainersWrappersIsAConnectionLost() {
        SQLException linkFailure = new SQLException("Communications link failure", "08S01", 0);
        assertTrue(ConnectionLost.inCausesOf(new EJBException(new PersistenceException(linkFailure))));
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsAConnectionLost() {
        assertTrue(ConnectionLost.inCausesOf(new EJBException(new SQLTransientConnectionException("J2CA0045E"))));
    }

    @Test
    void aStatementOfATransactionWhoseConnectionThePoolDestroyedIsAConnectionLost() {
        SQLException closed = new StatementIsClosedException("No operations allowed after statement closed.");
        assertTrue(ConnectionLost.inCausesOf(new IllegalStateException("Cannot count the change", closed)));
    }

    /** Named as Connector/J names it; the driver is the server's, not the application's. */
    private static final class StatementIsClosedException extends SQLException {
        StatementIsClosedException(String message) {
            super(message, "S1009");
        }
    }

    @Test
    void aDeadlockOrAConstraintIsNot() {
        assertFalse(ConnectionLost.inCausesOf(new SQLException("Deadlock found", "40001", 1213)));
        assertFalse(ConnectionLost.inCausesOf(new PersistenceException(new SQLException("Duplicate", "23000", 1062))));
        assertFalse(ConnectionLost.inCausesOf(new IllegalStateException("no database here")));
    }
}
