package com.ecommerce.analytics.testing;

import java.net.URL;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import com.ecommerce.analytics.testing.database.StoreDatabaseServlet;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

/**
 * The store's database as the fault-injection tests see it: what was stored, a row spoiled on purpose, and writes
 * made to fail in the database itself (see WriteFaults). Reached through StoreDatabaseServlet, which an Arquillian
 * deployment of {@link #deployment()} puts beside the application in the server, since the embedded H2 database
 * can only be opened there.
 */
public final class StoreDatabase {

    private static final Client CLIENT = ClientBuilder.newClient();

    private final String base;

    public StoreDatabase(URL deployment) {
        this.base = deployment.toString().replaceAll("/+$", "");
    }

    /** For a test class's {@code @Deployment(testable = false)}. */
    public static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "store-database.war")
                .addPackage(StoreDatabaseServlet.class.getPackage());
    }

    /** A write failing until closed: writing a row of the table whose column holds the value fails (SQLSTATE 45000). */
    public final class Fault implements AutoCloseable {

        private final String table;

        private Fault(String table) {
            this.table = table;
        }

        /** Whether the fault has met a write of its row (and so failed it, if it fails only the first). */
        public boolean fired() {
            return writes() > 0;
        }

        /** How many writes of its row the fault has met: those it failed and those it let pass. */
        public long writes() {
            try (Response response = CLIENT.target(base + "/faults").queryParam("table", table).request().get()) {
                return Long.parseLong(check(response));
            }
        }

        @Override
        public void close() {
            removeFaults();
        }
    }

    public Fault failWrites(String table, String column, String value) {
        return install(table, column, value, "FAIL", false);
    }

    /**
     * Only the first such write fails, as a deadlock would (SQLSTATE 40001; on MariaDB error 1213 with its message,
     * as a Galera cluster refuses a write set at COMMIT): the application should redo it.
     */
    public Fault failFirstWrite(String table, String column, String value) {
        return install(table, column, value, "DEADLOCK_ONCE", false);
    }

    /** As failFirstWrite, inserts only: for a row whose value an earlier update of the transaction writes too. */
    public Fault failFirstInsert(String table, String column, String value) {
        return install(table, column, value, "DEADLOCK_ONCE", true);
    }

    /** Every such write fails as a deadlock, however often the application redoes it. */
    public Fault failWritesAsDeadlock(String table, String column, String value) {
        return install(table, column, value, "DEADLOCK", false);
    }

    /** Every such write takes 8 seconds (WriteFaults.STALL_SECONDS) and then succeeds. */
    public Fault stallWrites(String table, String column, String value) {
        return install(table, column, value, "STALL", false);
    }

    private Fault install(String table, String column, String value, String kind, boolean insertsOnly) {
        post("faults", new Form().param("table", table).param("column", column).param("value", value)
                .param("kind", kind).param("inserts", String.valueOf(insertsOnly)));
        return new Fault(table);
    }

    /** Every fault removed: a test's cleanup, also of faults a failed earlier run left behind. */
    public void removeFaults() {
        try (Response response = CLIENT.target(base + "/faults").request().delete()) {
            check(response);
        }
    }

    /** The first column of the first row of a query, as text ("" for null). */
    public String value(String sql, Object... values) {
        return post("query", form(sql, values));
    }

    public long count(String sql, Object... values) {
        return Long.parseLong(value(sql, values));
    }

    /** The customer's orders as stored. */
    public long ordersOf(long customer) {
        return count("SELECT COUNT(*) FROM orders WHERE customer_id = ?", customer);
    }

    /** Rows changed by an UPDATE or DELETE, committed at once. */
    public int update(String sql, Object... values) {
        return Integer.parseInt(post("update", form(sql, values)));
    }

    private static Form form(String sql, Object... values) {
        Form form = new Form().param("sql", sql);
        for (Object value : values) {
            form.param("value", String.valueOf(value));
        }
        return form;
    }

    private String post(String path, Form form) {
        try (Response response = CLIENT.target(base + "/" + path).request().post(Entity.form(form))) {
            return check(response);
        }
    }

    private static String check(Response response) {
        String body = response.readEntity(String.class);
        if (response.getStatus() != 200) {
            throw new AssertionError("the store's database answered " + response.getStatus() + ": " + body);
        }
        return body;
    }
}
