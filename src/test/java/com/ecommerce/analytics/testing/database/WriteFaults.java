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
 * unchanged; its transaction meets the failure part-way, wherever that row is written. A fault may instead fail
 * such writes as a deadlock, only the first or every one: on MariaDB/MySQL exactly as a Galera cluster answers a
 * write set that failed certification (SQLSTATE 40001, error 1213, its message), which the application is expected
 * to redo; on H2 with SQLSTATE 40001, which H2 passes on as the cause of its trigger error. Or it may hold each such
 * write for a few seconds and let it pass, as a database that stalls. A fault may be limited to
 * inserts, for a row whose value an earlier update of the same transaction also writes.
 * <p>
 * MariaDB/MySQL: SIGNAL in a BEFORE INSERT and a BEFORE UPDATE trigger (an upsert fires the first, then the second
 * on a duplicate key). H2: a trigger given as Java source, which H2 compiles with the JDK's compiler. H2 is a server
 * library that no application can see, so the source names none of its types: it finds H2's Trigger interface
 * through the class that calls it and answers with a proxy of it. The writes a fault met are counted where the
 * failing transaction's rollback does not undo them: in a sequence on MariaDB, a system property on H2.
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

    /** How a fault fails the writes it meets. */
    enum Kind {
        /** Every one, with SQLSTATE 45000. */
        FAIL("45000", false),
        /** The first, as a deadlock; the writes after it pass. */
        DEADLOCK_ONCE("40001", true),
        /** Every one, as a deadlock. */
        DEADLOCK("40001", false),
        /** None fails, but each takes STALL_SECONDS, as a database that holds writes while its cluster reforms. */
        STALL("", false);

        final String state;
        final boolean once;

        Kind(String state, boolean once) {
            this.state = state;
            this.once = once;
        }
    }

    /** What MariaDB, and a Galera cluster at COMMIT, say of a deadlock. */
    static final String DEADLOCK_MESSAGE = "Deadlock found when trying to get lock; try restarting transaction";
    static final int DEADLOCK_ERROR = 1213;
    static final int STALL_SECONDS = 8;

    /** From now on, writing a row of the table whose column holds the value fails as the kind says. */
    void install(String table, String column, String value, Kind kind, boolean insertsOnly) throws SQLException {
        require(IDENTIFIER, table);
        require(IDENTIFIER, column);
        require(VALUE, value);
        String message = "Fault injected by a test: a write of " + table + "." + column + " = " + value
                + switch (kind) {
                    case FAIL -> "";
                    case DEADLOCK_ONCE -> ", once, as a deadlock";
                    case DEADLOCK -> ", as a deadlock";
                    case STALL -> ", stalled";
                };
        if (h2) {
            String events = insertsOnly ? "INSERT" : "INSERT, UPDATE";
            execute("CREATE TRIGGER " + PREFIX + table + " BEFORE " + events + " ON " + table + " FOR EACH ROW AS $$"
                    + h2Source(table, position(table, column), value, kind, message) + "$$");
            return;
        }
        String writes = PREFIX + table + "_writes";
        execute("CREATE SEQUENCE " + writes + " NOCACHE");
        String signal = switch (kind) {
            case FAIL -> "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '" + message + "';";
            case DEADLOCK_ONCE, DEADLOCK -> "SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = " + DEADLOCK_ERROR
                    + ", MESSAGE_TEXT = '" + DEADLOCK_MESSAGE + "';";
            case STALL -> "SET @" + PREFIX + "stalled = SLEEP(" + STALL_SECONDS + ");";
        };
        for (String event : insertsOnly ? List.of("insert") : List.of("insert", "update")) {
            execute("CREATE TRIGGER " + PREFIX + table + "_" + event + " BEFORE " + event.toUpperCase(Locale.ROOT)
                    + " ON " + table + " FOR EACH ROW IF NEW." + column + " = '" + value + "' THEN IF NEXTVAL("
                    + writes + ") " + (kind.once ? "= 1" : "> 0") + " THEN " + signal + " END IF; END IF");
        }
    }

    /** How many writes of its row the table's fault has met, failed or let pass. */
    long writes(String table) throws SQLException {
        require(IDENTIFIER, table);
        if (h2) {
            return Long.getLong(PREFIX + table, 0);
        }
        try (Statement query = db.createStatement(); ResultSet next = query.executeQuery(
                "SELECT next_not_cached_value FROM " + PREFIX + table + "_writes")) {
            return next.next() ? next.getLong(1) - 1 : 0;
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
    private static String h2Source(String table, int column, String value, Kind kind, String message) {
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
                                    long writes;
                                    synchronized (System.class) {
                                        writes = Long.getLong("%6$s", 0) + 1;
                                        System.setProperty("%6$s", String.valueOf(writes));
                                    }
                                    if (!%4$b || writes == 1) {
                                        %7$s
                                    }
                                }
                                return null;
                            });
                }
                """.formatted(column, value, message, kind.once, kind.state, PREFIX + table, kind == Kind.STALL
                ? "Thread.sleep(" + STALL_SECONDS * 1000 + "L);" : "throw new SQLException(\"%s\", \"%s\");"
                        .formatted(message, kind.state));
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
