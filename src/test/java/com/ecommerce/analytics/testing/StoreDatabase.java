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

        /** Whether a fault that fails only the first write has failed it. */
        public boolean fired() {
            try (Response response = CLIENT.target(base + "/faults").queryParam("table", table).request().get()) {
                return "fired".equals(check(response));
            }
        }

        @Override
        public void close() {
            removeFaults();
        }
    }

    public Fault failWrites(String table, String column, String value) {
        post("faults", new Form().param("table", table).param("column", column).param("value", value));
        return new Fault(table);
    }

    /** Only the first such write fails, as a deadlock would (SQLSTATE 40001): the application should redo it. */
    public Fault failFirstWrite(String table, String column, String value) {
        post("faults", new Form().param("table", table).param("column", column).param("value", value)
                .param("once", "true"));
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
