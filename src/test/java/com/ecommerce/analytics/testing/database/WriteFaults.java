package com.ecommerce.analytics.testing.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes the database itself refuse the writes of chosen rows, as a failing disk, a full table or a bug of ours
 * would: a trigger on the table raises SQLSTATE 45000 (an unhandled user-defined exception, nothing the client's
 * data could cause) when an inserted or updated row has the given value in the given column. The application runs
 * unchanged; its transaction meets the failure part-way, wherever that row is written.
 * <p>
 * MariaDB/MySQL: SIGNAL in a BEFORE INSERT and a BEFORE UPDATE trigger (an upsert fires the first, then the second
 * on a duplicate key). H2: a trigger given as Java source, which H2 compiles with the JDK's compiler. H2 is a server
 * library that no application can see, so the source names none of its types: it finds H2's Trigger interface
 * through the class that calls it and answers with a proxy of it.
 */
final class WriteFaults {

    private static final String PREFIX = "it_fault_";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]{1,40}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9 .:-]{1,40}");

    private final Connection db;
    private final boolean h2;

    WriteFaults(Connection db) throws SQLException {
        this.db = db;
        this.h2 = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    }

    /** From now on, writing a row of the table whose column holds the value fails. */
    void install(String table, String column, String value) throws SQLException {
        require(IDENTIFIER, table);
        require(IDENTIFIER, column);
        require(VALUE, value);
        String message = "Fault injected by a test: a write of " + table + "." + column + " = " + value;
        if (h2) {
            execute("CREATE TRIGGER " + PREFIX + table + " BEFORE INSERT, UPDATE ON " + table + " FOR EACH ROW AS $$"
                    + h2Source(position(table, column), value, message) + "$$");
        } else {
            for (String event : List.of("insert", "update")) {
                execute("CREATE TRIGGER " + PREFIX + table + "_" + event + " BEFORE " + event.toUpperCase(Locale.ROOT)
                        + " ON " + table + " FOR EACH ROW IF NEW." + column + " = '" + value + "' THEN SIGNAL SQLSTATE "
                        + "'45000' SET MESSAGE_TEXT = '" + message + "'; END IF");
            }
        }
    }

    /** Every fault removed, whoever installed it. */
    void removeAll() throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(h2
                ? "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = CURRENT_SCHEMA"
                : "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE()")) {
            while (rows.next()) {
                triggers.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String trigger : triggers) {
            if (trigger.startsWith(PREFIX)) {
                execute("DROP TRIGGER IF EXISTS " + trigger);
            }
        }
    }

    /** The column's index in the rows H2 hands a trigger: the table's column order. */
    private int position(String table, String column) throws SQLException {
        try (ResultSet columns = db.getMetaData().getColumns(db.getCatalog(), db.getSchema(), table, column)) {
            if (!columns.next()) {
                throw new IllegalArgumentException("no column " + column + " in " + table);
            }
            return columns.getInt("ORDINAL_POSITION") - 1;
        }
    }

    /** The body of the class H2 generates: a static method answering the trigger (see the class comment). */
    private static String h2Source(int column, String value, String message) {
        return """
                Object create() throws Exception {
                    Class<?> h2 = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
                    Class<?> trigger = Class.forName("org.h2.api.Trigger", false, h2.getClassLoader());
                    return java.lang.reflect.Proxy.newProxyInstance(trigger.getClassLoader(), new Class<?>[] {trigger},
                            (proxy, method, args) -> {
                                if (method.getDeclaringClass() == Object.class) {
                                    return method.getName().equals("equals") ? proxy == args[0]
                                            : method.getName().equals("hashCode") ? (Object) System.identityHashCode(proxy)
                                            : "%3$s";
                                }
                                if (method.getName().equals("fire") && args[2] != null
                                        && "%2$s".equals(String.valueOf(((Object[]) args[2])[%1$d]))) {
                                    throw new SQLException("%3$s", "45000");
                                }
                                return null;
                            });
                }
                """.formatted(column, value, message);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void require(Pattern pattern, String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' does not match " + pattern);
        }
    }
}
