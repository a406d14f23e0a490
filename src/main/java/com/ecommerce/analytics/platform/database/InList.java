package com.ecommerce.analytics.platform.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;

/** An IN (?, ?, ...) list of ids: placeholders only, the values always bound. */
public final class InList {

    private InList() {
    }

    public static String of(int size) {
        return "(" + String.join(", ", Collections.nCopies(size, "?")) + ")";
    }

    /** Binds the ids from parameter index first on; returns the next free index. */
    public static int bind(PreparedStatement statement, int first, Collection<Long> ids) throws SQLException {
        int index = first;
        for (long id : ids) {
            statement.setLong(index++, id);
        }
        return index;
    }
}
