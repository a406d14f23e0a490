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
 * unchanged; its transaction meets the failure part-way, wherever that row is written. A fault may also fail
 * only the first such write, as a deadlock (SQLSTATE 40001), which the application is expected to redo.
 * <p>
 * MariaDB/MySQL: SIGNAL in a BEFORE INSERT and a BEFORE UPDATE trigger (an upsert fires the first, then the second
 * on a duplicate key). H2: a trigger given as Java source, which H2 compiles with the JDK's compiler. H2 is a server
 * library that no application can see, so the source names none of its types: it finds H2's Trigger interface
 * through the class that calls it and answers with a proxy of it. "Only once" needs state that the failing
 * transaction's rollback does not undo: a sequence on MariaDB, a flag in the trigger's Java object on H2.
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

    /**
     * From now on, writing a row of the table whose column holds the value fails with SQLSTATE 45000; or, once, only
     * the first such write, with SQLSTATE 40001.
     */
    void install(String table, String column, String value, boolean once) throws SQLException {
        require(IDENTIFIER, table);
        require(IDENTIFIER, column);
        require(VALUE, value);
        String state = once ? "40001" : "45000";
        String message = "Fault injected by a test: a write of " + table + "." + column + " = " + value
                + (once ? ", once, as a deadlock" : "");
        if (h2) {
            execute("CREATE TRIGGER " + PREFIX + table + " BEFORE INSERT, UPDATE ON " + table + " FOR EACH ROW AS $$"
                    + h2Source(table, position(table, column), value, once, state, message) + "$$");
            return;
        }
        String sequence = PREFIX + table + "_once";
        if (once) {
            execute("CREATE SEQUENCE " + sequence + " NOCACHE");
        }
        for (String event : List.of("insert", "update")) {
            String signal = "SIGNAL SQLSTATE '" + state + "' SET MESSAGE_TEXT = '" + message + "';";
            execute("CREATE TRIGGER " + PREFIX + table + "_" + event + " BEFORE " + event.toUpperCase(Locale.ROOT) + " ON "
                    + table + " FOR EACH ROW IF NEW." + column + " = '" + value + "' THEN "
                    + (once ? "IF NEXTVAL(" + sequence + ") = 1 THEN " + signal + " END IF;" : signal) + " END IF");
        }
    }

    /** Whether a fault of "only once" has failed its write. */
    boolean fired(String table) throws SQLException {
        require(IDENTIFIER, table);
        if (h2) {
            return "fired".equals(System.getProperty(PREFIX + table));
        }
        try (Statement query = db.createStatement(); ResultSet next = query.executeQuery(
                "SELECT next_not_cached_value FROM " + PREFIX + table + "_once")) {
            return next.next() && next.getLong(1) > 1;
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
        if (h2) {
            System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX))
                    .forEach(System::clearProperty);
        } else {
            List<String> sequences = new ArrayList<>();
            try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery("SELECT table_name FROM "
                    + "information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'SEQUENCE'")) {
                while (rows.next()) {
                    sequences.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            for (String sequence : sequences) {
                if (sequence.startsWith(PREFIX)) {
                    execute("DROP SEQUENCE IF EXISTS " + sequence);
                }
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
    private static String h2Source(String table, int column, String value, boolean once, String state, String message) {
        return """
                Object create() throws Exception {
                    java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
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
                                        && "%2$s".equals(String.valueOf(((Object[]) args[2])[%1$d]))
                                        && !(%4$b && fired.getAndSet(true))) {
                                    System.setProperty("%6$s", "fired");
                                    throw new SQLException("%3$s", "%5$s");
                                }
                                return null;
                            });
                }
                """.formatted(column, value, message, once, state, PREFIX + table);
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
